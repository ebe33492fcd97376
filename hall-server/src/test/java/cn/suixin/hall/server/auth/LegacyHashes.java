package cn.suixin.hall.server.auth;

import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes as versions before 600,000 iterations stored them ({@code pbkdf2$N$salt$hash},
 * URL-safe base64), made here from the JDK rather than by {@link Passwords}, so a test shows that
 * the stored format of then still verifies now.
 */
public final class LegacyHashes {
  private LegacyHashes() {
  }

  public static String of(String password, int iterations) {
    try {
      byte[] salt = "sixteen-byte-slt".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
          .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
      Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
      return "pbkdf2$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
