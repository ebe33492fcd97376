package cn.suixin.hall.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a small YAML file, such as a node's settings, into a Jackson tree whose scalars are their
 * source text. Built from the streaming parser, as the hall configuration is: an ObjectMapper would
 * cost a cold start about 150 ms to set up for a file of ten lines.
 */
public final class YamlTree {

  private YamlTree() {}

  /**
   * @throws IOException if the file cannot be read or is not valid YAML
   * @throws ConfigException for a duplicate key
   */
  public static JsonNode read(Path file) throws IOException {
    return YamlFile.tree(file);
  }
}
