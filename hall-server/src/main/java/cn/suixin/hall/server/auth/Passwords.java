package cn.suixin.hall.server.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** PBKDF2-HMAC-SHA256 password hashes, from the JDK: {@code pbkdf2$iterations$salt$hash}. */
public final class Passwords {
  /**
   * OWASP's figure for PBKDF2-HMAC-SHA256 (Password Storage Cheat Sheet, 2023). Hashes stored with
   * fewer iterations still verify and are replaced on the next right login.
   */
  public static final int RECOMMENDED_ITERATIONS = 600_000;

  /**
   * The count new hashes get. {@code -Dsuixin.password.iterations} is for tests only: the crash
   * tests' server processes run on the C1 compiler, where 600,000 iterations take over a second.
   */
  public static final int ITERATIONS =
      Integer.getInteger("suixin.password.iterations", RECOMMENDED_ITERATIONS);

  private static final SecureRandom RANDOM = new SecureRandom();

  /** What a missing or unreadable hash is checked against, so that answer costs a real check. */
  private static final byte[] DUMMY_SALT =
      "suixin-no-such-user".getBytes(java.nio.charset.StandardCharsets.UTF_8);

  private static final AtomicLong DERIVED = new AtomicLong();

  static {
    if (ITERATIONS != RECOMMENDED_ITERATIONS) {
      org.slf4j.LoggerFactory.getLogger(Passwords.class)
          .warn(
              "new password hashes get {} PBKDF2 iterations "
                  + "(-Dsuixin.password.iterations), not {}: a setting for tests only",
              ITERATIONS,
              RECOMMENDED_ITERATIONS);
    }
  }

  private Passwords() {}

  public static String hash(char[] password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return "pbkdf2$" + ITERATIONS + "$" + b64(salt) + "$" + b64(derive(password, salt, ITERATIONS));
  }

  /**
   * Checks a password against a stored hash, or against nothing ({@code stored} null: no such user)
   * at the same cost. Every answer that is not a match costs today's iteration count, whether the
   * user is missing, has a current hash or an old one, so the time taken tells none of them apart.
   */
  public static PasswordCheck check(char[] password, String stored) {
    String[] parts = stored == null ? new String[0] : stored.split("\\$");
    int iterations;
    byte[] salt;
    byte[] expected;
    try {
      if (parts.length != 4 || !parts[0].equals("pbkdf2")) {
        throw new IllegalArgumentException("not a pbkdf2 hash");
      }
      iterations = Integer.parseInt(parts[1]);
      salt = Base64.getUrlDecoder().decode(parts[2]);
      expected = Base64.getUrlDecoder().decode(parts[3]);
    } catch (IllegalArgumentException e) {
      derive(password, DUMMY_SALT, ITERATIONS);
      return PasswordCheck.WRONG;
    }
    boolean matches = MessageDigest.isEqual(expected, derive(password, salt, iterations));
    if (iterations >= ITERATIONS) {
      return matches ? PasswordCheck.RIGHT : PasswordCheck.WRONG;
    }
    if (matches) {
      return new PasswordCheck(true, hash(password));
    }
    derive(password, DUMMY_SALT, ITERATIONS - iterations);
    return PasswordCheck.WRONG;
  }

  /** PBKDF2 iterations run in this JVM so far: lets a test see that a login did the work. */
  public static long iterationsDerived() {
    return DERIVED.get();
  }

  /** A random token for a session or a device, URL-safe. */
  public static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Tokens are stored only as this hash, so a copied data folder gives no working token. */
  public static String tokenHash(String token) {
    try {
      return b64(
          MessageDigest.getInstance("SHA-256")
              .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] derive(char[] password, byte[] salt, int iterations) {
    DERIVED.addAndGet(iterations);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
          .generateSecret(new PBEKeySpec(password, salt, iterations, 256))
          .getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String b64(byte[] b) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
