package cn.suixin.hall.server.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/** The installation's salt for ID-number hashes, made once and kept beside the data. */
final class Secrets {
  private Secrets() {}

  static byte[] idSalt(Path data) {
    Path file = data.resolve("id-salt.key");
    try {
      if (Files.exists(file)) {
        return Files.readAllBytes(file);
      }
      Files.createDirectories(data);
      byte[] salt = new byte[32];
      new SecureRandom().nextBytes(salt);
      Path tmp = data.resolve("id-salt.key.tmp");
      Files.write(tmp, salt);
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the data folder's own permissions protect it
      }
      Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return salt;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create " + file, e);
    }
  }
}
