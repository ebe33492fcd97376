package cn.suixin.hall.server.app;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Command-line words: positional words, {@code --name value} options and bare flags. */
public final class Args {
  private static final Set<String> FLAGS =
      Set.of("--demo", "--password-stdin", "--help", "--cluster", "--confirm");
  private final List<String> words = new ArrayList<>();
  private final Map<String, String> options = new LinkedHashMap<>();
  private final Set<String> flags = new HashSet<>();

  public Args(String[] argv) {
    for (int i = 0; i < argv.length; i++) {
      String a = argv[i];
      if (FLAGS.contains(a)) {
        flags.add(a);
      } else if (a.startsWith("--")) {
        int eq = a.indexOf('=');
        if (eq > 0) {
          options.put(a.substring(0, eq), a.substring(eq + 1));
        } else if (i + 1 < argv.length) {
          options.put(a, argv[++i]);
        } else {
          throw new UsageException(a + " needs a value");
        }
      } else {
        words.add(a);
      }
    }
  }

  public List<String> words() {
    return words;
  }

  public String value(String name, String fallback) {
    return options.getOrDefault(name, fallback);
  }

  public String required(String name) {
    String v = options.get(name);
    if (v == null || v.isBlank()) {
      throw new UsageException(name + " is required");
    }
    return v;
  }

  public boolean flag(String name) {
    return flags.contains(name);
  }
}
