package cn.suixin.hall.config;

/**
 * One thing wrong in the configuration, pinned to a place in a file.
 *
 * @param file path relative to the config directory, with '/' separators
 * @param path YAML path inside the file, such as {@code windows[3].matters.EE-PASSPORT}
 */
public record ConfigProblem(String file, int line, int column, String path, String message) {

  @Override
  public String toString() {
    return file
        + ":"
        + line
        + ":"
        + column
        + ": "
        + (path.isEmpty() ? "(top)" : path)
        + ": "
        + message;
  }
}
