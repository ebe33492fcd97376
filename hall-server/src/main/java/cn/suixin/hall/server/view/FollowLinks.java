package cn.suixin.hall.server.view;

/**
 * Where a citizen follows a ticket on a phone: the address printed as a QR code on the slip and
 * shown by the kiosk. With the node's public URL set ({@code --public-url}, such as
 * {@code https://suixin.example.gov.cn}) links are absolute, so a phone on mobile data can open them;
 * without it they are relative, and the kiosk page and the printer agent resolve them against the
 * server they talk to.
 */
public final class FollowLinks {
  private final String base;

  /** @param publicUrl the node's public URL, or null to give relative links */
  public FollowLinks(String publicUrl) {
    this.base = publicUrl == null ? "" : publicUrl;
  }

  public String of(String hall, String ticketId) {
    return base + "/t/" + hall + "/" + ticketId;
  }
}
