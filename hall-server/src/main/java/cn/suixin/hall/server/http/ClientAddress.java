package cn.suixin.hall.server.http;

import io.netty.util.NetUtil;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Who is really calling, for per-address limits and the log: the TCP peer, unless the peer is a
 * trusted proxy; then the right-most address in {@code X-Forwarded-For} (or, without that header,
 * in {@code Forwarded: for=}) that is not itself a trusted proxy. Everything left of it was written
 * by the client and proves nothing.
 *
 * <p>Vert.x Web's {@code AllowForwardHeaders} on the router would rewrite the remote address from
 * these headers for every peer, so any phone could name its own address and escape its limit; that
 * is why the headers are read here, and only from configured proxies.
 */
public final class ClientAddress {
  private final TrustedProxies proxies;

  public ClientAddress(TrustedProxies proxies) {
    this.proxies = proxies;
  }

  /**
   * The address per-address limits count under; an IPv6 client by its /64, see {@link #limitKey}.
   */
  String of(HttpServerRequest request) {
    SocketAddress peer = request.remoteAddress();
    return limitKey(
        resolve(
            peer == null ? null : peer.hostAddress(),
            request.headers().getAll("X-Forwarded-For"),
            request.headers().getAll("Forwarded")));
  }

  /** The client's address, from the peer and the header lines of one request. */
  String resolve(String peer, List<String> forwardedFor, List<String> forwarded) {
    InetAddress client = peer == null ? null : TrustedProxies.ip(peer);
    if (client == null) {
      return peer == null ? "unknown" : peer;
    }
    if (!proxies.contains(client)) {
      return NetUtil.toAddressString(client);
    }
    List<String> hops = forwardedFor.isEmpty() ? forValues(forwarded) : items(forwardedFor);
    for (int i = hops.size() - 1; i >= 0; i--) {
      InetAddress hop = hop(hops.get(i));
      if (hop == null) {
        // "unknown", an obfuscated name or garbage: belief stops at the last readable hop
        break;
      }
      client = hop;
      if (!proxies.contains(hop)) {
        break;
      }
    }
    return NetUtil.toAddressString(client);
  }

  /**
   * One phone or one home gets a whole IPv6 /64 and may change addresses inside it at will, so a
   * per-address limit counts an IPv6 client by its /64; IPv4 addresses stay as they are.
   */
  static String limitKey(String address) {
    InetAddress ip = TrustedProxies.ip(address);
    if (!(ip instanceof Inet6Address)) {
      return address;
    }
    byte[] bytes = Arrays.copyOf(ip.getAddress(), 16);
    Arrays.fill(bytes, 8, 16, (byte) 0);
    return NetUtil.bytesToIpAddress(bytes) + "/64";
  }

  private static List<String> items(List<String> lines) {
    List<String> out = new ArrayList<>();
    lines.forEach(
        line ->
            Arrays.stream(line.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .forEach(out::add));
    return out;
  }

  /** The {@code for=} of each element of {@code Forwarded} (RFC 7239), in order. */
  private static List<String> forValues(List<String> lines) {
    List<String> out = new ArrayList<>();
    for (String element : items(lines)) {
      String value = "";
      for (String pair : element.split(";")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && pair.substring(0, eq).trim().equalsIgnoreCase("for")) {
          value = pair.substring(eq + 1).trim();
        }
      }
      out.add(value);
    }
    return out;
  }

  /**
   * A hop as proxies write it: {@code 192.0.2.7}, {@code 192.0.2.7:4711}, {@code
   * "[2001:db8::7]:4711"}, {@code 2001:db8::7}.
   */
  private static InetAddress hop(String text) {
    String s =
        text.startsWith("\"") && text.endsWith("\"") && text.length() > 1
            ? text.substring(1, text.length() - 1)
            : text;
    if (s.startsWith("[")) {
      int close = s.indexOf(']');
      s = close < 0 ? "" : s.substring(1, close);
    } else if (s.indexOf(':') > 0 && s.indexOf(':') == s.lastIndexOf(':')) {
      s = s.substring(0, s.indexOf(':'));
    }
    return s.isEmpty() ? null : TrustedProxies.ip(s);
  }
}
