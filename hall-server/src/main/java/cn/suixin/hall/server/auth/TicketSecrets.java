package cn.suixin.hall.server.auth;

import cn.suixin.hall.store.RecordStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The unguessable part of a ticket's link. Ticket ids are sequential (20261208-A001, A002...), so
 * the id alone must not open a ticket: the link printed on the slip carries an HMAC of the hall and
 * the ticket id under the installation's key, and only its holder (or staff) may read the ticket,
 * and later cancel it.
 *
 * <p>The key lives in the record store, not in a node's data folder: every node of a cluster reads
 * the same Redis, so every node derives the same secret and a phone may reach any of them. The
 * first node to start creates it; {@code putIfAbsent} settles a race between two.
 */
public final class TicketSecrets {
  static final String COLLECTION = "secrets";
  static final String KEY = "ticket-links";

  /** 16 bytes of the HMAC, 22 characters in the link: far beyond guessing, short in a QR code. */
  private static final int SECRET_BYTES = 16;

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private final byte[] key;

  public TicketSecrets(byte[] key) {
    if (key.length < 32) {
      throw new IllegalArgumentException("a ticket-link key has at least 32 bytes");
    }
    this.key = key.clone();
  }

  /** The installation's key from the store, made on the first start. */
  public static Future<TicketSecrets> load(RecordStore records) {
    byte[] fresh = new byte[32];
    new SecureRandom().nextBytes(fresh);
    JsonObject made = new JsonObject().put("key", Base64.getEncoder().encodeToString(fresh));
    return records
        .putIfAbsent(COLLECTION, KEY, made)
        .map(
            existing ->
                new TicketSecrets(
                    Base64.getDecoder()
                        .decode((existing == null ? made : existing).getString("key"))));
  }

  /** A key of its own, for tests and tools that hand out no links. */
  public static TicketSecrets random() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return new TicketSecrets(key);
  }

  /** The secret of a ticket's link. */
  public String of(String hall, String ticketId) {
    return ENCODER.encodeToString(mac(hall, ticketId));
  }

  /** Whether {@code secret} (from a link, may be null) is the ticket's; in constant time. */
  public boolean matches(String hall, String ticketId, String secret) {
    if (secret == null || secret.length() > 64 || hall == null || ticketId == null) {
      return false;
    }
    byte[] given = secret.getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(given, of(hall, ticketId).getBytes(StandardCharsets.US_ASCII));
  }

  private byte[] mac(String hall, String ticketId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      // a separator no hall id contains, so ("ab", "c") and ("a", "bc") never sign the same text
      byte[] full = mac.doFinal((hall + "\n" + ticketId).getBytes(StandardCharsets.UTF_8));
      return Arrays.copyOf(full, SECRET_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
