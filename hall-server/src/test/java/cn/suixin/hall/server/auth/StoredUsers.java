package cn.suixin.hall.server.auth;

import io.vertx.core.json.JsonObject;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * User records as the record store holds them, with a password hash of a chosen iteration count
 * ({@code pbkdf2$N$salt$hash}, URL-safe base64) made here from the JDK rather than by {@link
 * Passwords}: for the format older versions stored (120,000 iterations), and for seeding server
 * processes that run with the test-only lower count.
 */
public final class StoredUsers {
  private StoredUsers() {}

  public static String hash(String password, int iterations) {
    try {
      byte[] salt = "sixteen-byte-slt".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      byte[] hash =
          SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
              .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256))
              .getEncoded();
      Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
      return "pbkdf2$"
          + iterations
          + "$"
          + b64.encodeToString(salt)
          + "$"
          + b64.encodeToString(hash);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What {@link Accounts#addUser} stores, with the password hashed at {@code iterations}. */
  public static JsonObject user(
      String username,
      Role role,
      String hall,
      String staffNo,
      String name,
      String password,
      int iterations) {
    return new JsonObject()
        .put("username", username)
        .put("role", role.name())
        .put("hall", hall)
        .put("staffNo", staffNo)
        .put("name", name)
        .put("password", hash(password, iterations))
        .put("created", "2024-03-01T00:00:00Z");
  }
}
