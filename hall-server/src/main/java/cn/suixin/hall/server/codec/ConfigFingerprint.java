package cn.suixin.hall.server.codec;

import cn.suixin.hall.engine.config.HallConfig;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A digest of everything a hall is configured with. A snapshot is only as good as the configuration
 * it was taken under (window weights, matters, hours), so it carries this digest and is set aside
 * when the hall's configuration has changed since.
 *
 * <p>The configuration's records hold maps and sets whose iteration order differs from one JVM to
 * the next ({@code Map.copyOf}), so the text hashed here sorts them; {@code toString} would not do.
 */
public final class ConfigFingerprint {

  private ConfigFingerprint() {}

  public static String of(HallConfig config) {
    StringBuilder canonical = new StringBuilder(4096);
    append(canonical, config);
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static void append(StringBuilder out, Object value) {
    if (value instanceof Record record) {
      out.append(record.getClass().getSimpleName()).append('(');
      for (RecordComponent c : record.getClass().getRecordComponents()) {
        out.append(c.getName()).append('=');
        append(out, read(c, record));
        out.append(';');
      }
      out.append(')');
    } else if (value instanceof Map<?, ?> map) {
      Map<String, Object> sorted = new TreeMap<>();
      map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
      out.append('{');
      sorted.forEach(
          (k, v) -> {
            out.append(k).append(':');
            append(out, v);
            out.append(',');
          });
      out.append('}');
    } else if (value instanceof Set<?> set) {
      Set<String> sorted = new TreeSet<>();
      set.forEach(
          v -> {
            StringBuilder one = new StringBuilder();
            append(one, v);
            sorted.add(one.toString());
          });
      out.append(sorted);
    } else if (value instanceof Collection<?> list) {
      out.append('[');
      list.forEach(
          v -> {
            append(out, v);
            out.append(',');
          });
      out.append(']');
    } else {
      out.append(value);
    }
  }

  private static Object read(RecordComponent component, Record record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "cannot read " + component.getName() + " of " + record.getClass(), e);
    }
  }

  /** For tests: the canonical text itself, to see what differs. */
  static String canonical(HallConfig config) {
    StringBuilder canonical = new StringBuilder();
    append(canonical, config);
    return canonical.toString();
  }
}
