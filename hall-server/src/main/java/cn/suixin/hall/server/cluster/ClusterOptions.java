package cn.suixin.hall.server.cluster;

import java.util.List;

/**
 * How this node joins the others: its own address and the members to find, TCP-IP only.
 *
 * @param port Hazelcast's port (membership and cluster maps)
 * @param members {@code host:port} of every member (this one may be among them)
 * @param busPort the clustered event bus's port, over which nodes forward commands to hall owners;
 *     0 lets the system pick one, which a firewall between nodes cannot allow in advance
 */
public record ClusterOptions(String host, int port, List<String> members, int busPort) {
  public ClusterOptions {
    members = List.copyOf(members);
  }
}
