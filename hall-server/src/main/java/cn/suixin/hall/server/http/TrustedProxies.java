package cn.suixin.hall.server.http;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The load balancers and proxies whose forwarded headers are believed, as addresses or CIDR blocks
 * ({@code 10.0.0.5, 10.0.1.0/24, 2001:db8::/32}). Netty's subnet rule does the matching.
 */
public final class TrustedProxies {
  public static final TrustedProxies NONE = new TrustedProxies(List.of(), "");
  private final List<IpSubnetFilterRule> blocks;
  private final String text;

  private TrustedProxies(List<IpSubnetFilterRule> blocks, String text) {
    this.blocks = blocks;
    this.text = text;
  }

  /** A comma-separated list; an entry that is no address or block is an error naming it. */
  public static TrustedProxies parse(String list) {
    if (list == null || list.isBlank()) {
      return NONE;
    }
    List<IpSubnetFilterRule> blocks = new ArrayList<>();
    List<String> entries = new ArrayList<>();
    for (String raw : list.split(",")) {
      String entry = raw.trim();
      if (entry.isEmpty()) {
        continue;
      }
      int slash = entry.indexOf('/');
      InetAddress address = ip(slash < 0 ? entry : entry.substring(0, slash));
      if (address == null) {
        throw new IllegalArgumentException("not an IP address or CIDR block: " + entry);
      }
      int bits = address.getAddress().length * 8;
      try {
        int prefix = slash < 0 ? bits : Integer.parseInt(entry.substring(slash + 1));
        blocks.add(new IpSubnetFilterRule(address, prefix, IpFilterRuleType.ACCEPT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("the prefix of " + entry + " must be 0.." + bits);
      }
      entries.add(entry);
    }
    return new TrustedProxies(List.copyOf(blocks), String.join(",", entries));
  }

  boolean contains(InetAddress address) {
    InetSocketAddress socket = new InetSocketAddress(address, 0);
    return blocks.stream().anyMatch(b -> b.matches(socket));
  }

  public boolean isEmpty() {
    return blocks.isEmpty();
  }

  /**
   * An IP literal, never a name: parsing a forwarded header must not start a DNS lookup. IPv4
   * written as IPv6 ({@code ::ffff:10.0.0.1}) comes back as IPv4, so it matches IPv4 blocks.
   */
  static InetAddress ip(String literal) {
    return NetUtil.createInetAddressFromIpAddressString(literal.trim());
  }

  @Override
  public String toString() {
    return text;
  }
}
