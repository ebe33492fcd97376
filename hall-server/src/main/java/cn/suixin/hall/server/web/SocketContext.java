package cn.suixin.hall.server.web;

import cn.suixin.hall.engine.config.CityConfig;
import cn.suixin.hall.engine.config.HallConfig;
import cn.suixin.hall.server.auth.Accounts;
import cn.suixin.hall.server.hall.HallGateway;
import cn.suixin.hall.server.view.FollowLinks;

/**
 * What a socket endpoint beside the REST API (the agents' link) needs of the node. It lives below
 * {@code http} so that {@code http} can mount those endpoints without them reaching back into it.
 */
public record SocketContext(
    CityConfig city,
    Accounts accounts,
    HallGateway gateway,
    FollowLinks links,
    SocketTimeouts sockets) {

  /** The hall, or a 404 Problem. */
  public HallConfig hall(String id) {
    return city.halls().stream()
        .filter(h -> h.id().value().equals(id))
        .findFirst()
        .orElseThrow(
            () -> Problem.notFound("UNKNOWN_HALL", "没有该大厅", "No such hall").with("hall", id));
  }
}
