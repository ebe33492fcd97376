package cn.suixin.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The device token read from a file, so it never appears among the agent's arguments, which every
 * user of the PC can list with ps. A file others can read would give it away just the same, hence
 * the warning.
 */
final class TokenFile {

  private TokenFile() {}

  static String read(Path file, Consumer<String> warn) {
    String token;
    try {
      token = Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read the token file " + file + " (" + e + ")" + " / 无法读取令牌文件 " + file);
    }
    if (token.isEmpty()) {
      throw new IllegalArgumentException(
          "the token file " + file + " is empty" + " / 令牌文件 " + file + " 为空");
    }
    if (readableByOthers(file)) {
      warn.accept(
          "the token file "
              + file
              + " can be read by other users; run chmod 600 "
              + file
              + " / 令牌文件 "
              + file
              + " 可被其他用户读取,请执行 chmod 600 "
              + file);
    }
    return token;
  }

  /**
   * False where the file system has no owner/group/other bits (Windows): nothing to check there.
   */
  static boolean readableByOthers(Path file) {
    if (Files.getFileAttributeView(file, PosixFileAttributeView.class) == null) {
      return false;
    }
    try {
      Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
      return p.contains(PosixFilePermission.GROUP_READ)
          || p.contains(PosixFilePermission.OTHERS_READ);
    } catch (IOException e) {
      return false;
    }
  }
}
