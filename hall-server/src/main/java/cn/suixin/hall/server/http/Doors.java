package cn.suixin.hall.server.http;

/**
 * What the HTTP face lets in besides the API's own tokens: whose forwarded headers name the client,
 * and who reads {@code /metrics}.
 *
 * @param metricsToken the bearer token a Prometheus scraper sends for {@code /metrics}; null for
 *     none
 * @param metricsHost the management address the separate metrics listener binds
 * @param metricsPort the separate metrics listener's port: -1 for none ({@code /metrics} stays on
 *     the main port, behind the token), 0 for any free port
 */
public record Doors(
    TrustedProxies trustedProxies, String metricsToken, String metricsHost, int metricsPort) {
  /** No proxy trusted, no metrics token, no metrics listener: {@code /metrics} answers 401. */
  public static final Doors CLOSED = new Doors(TrustedProxies.NONE, null, "127.0.0.1", -1);

  public Doors withMetricsToken(String token) {
    return new Doors(trustedProxies, token, metricsHost, metricsPort);
  }
}
