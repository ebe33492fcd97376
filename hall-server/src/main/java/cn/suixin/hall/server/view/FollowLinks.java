package cn.suixin.hall.server.view;

import cn.suixin.hall.server.auth.TicketSecrets;

/**
 * Where a citizen follows a ticket on a phone: the address printed as a QR code on the slip and
 * shown by the kiosk, {@code /t/{hall}/{ticket}?k=<secret>}; without the secret the ticket cannot
 * be read (see {@link TicketSecrets}). With the node's public URL set ({@code --public-url}, such
 * as {@code https://suixin.example.gov.cn}) links are absolute, so a phone on mobile data can open
 * them; without it they are relative, and the kiosk page and the printer agent resolve them against
 * the server they talk to.
 */
public final class FollowLinks {
  private final String base;
  private final TicketSecrets secrets;

  /**
   * @param publicUrl the node's public URL, or null to give relative links
   */
  public FollowLinks(String publicUrl, TicketSecrets secrets) {
    this.base = publicUrl == null ? "" : publicUrl;
    this.secrets = secrets;
  }

  public String of(String hall, String ticketId) {
    return base + "/t/" + hall + "/" + ticketId + "?k=" + secrets.of(hall, ticketId);
  }

  public TicketSecrets secrets() {
    return secrets;
  }
}
