package cn.suixin.hall.server.cluster;

import java.util.List;

/**
 * How this node joins the others: its own address and the members to find, TCP-IP only.
 *
 * @param members {@code host:port} of every member (this one may be among them)
 */
public record ClusterOptions(String host, int port, List<String> members) {
  public ClusterOptions {
    members = List.copyOf(members);
  }
}
