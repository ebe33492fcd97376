package cn.suixin.hall.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML file read into a Jackson tree, plus the line and column of every node by YAML path.
 * Jackson's own {@code readTree} forgets locations, so the tree is built here from the parser's
 * tokens. Scalars are kept as their source text (so {@code 09:00} stays a time, not the YAML 1.1
 * number 540) and converted by the readers, which can then say what was wrong with them.
 */
final class YamlFile {
  private static final YAMLFactory FACTORY = new YAMLFactory();

  private final String name;
  private final Map<String, int[]> locations = new HashMap<>();

  private YamlFile(String name) {
    this.name = name;
  }

  /** Reads {@code dir/name}; on failure records a problem and returns empty. */
  static Optional<Y> read(Path dir, String name, Problems problems) {
    YamlFile file = new YamlFile(name);
    try (Reader in = Files.newBufferedReader(dir.resolve(name), StandardCharsets.UTF_8);
        JsonParser parser = FACTORY.createParser(in)) {
      if (parser.nextToken() == null) {
        problems.add(name, "file is empty");
        return Optional.empty();
      }
      JsonNode root = file.node(parser, "", problems);
      return Optional.of(file.cursor("", root, new int[] {1, 1}));
    } catch (NoSuchFileException e) {
      problems.add(name, "file not found: " + dir.resolve(name));
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      int line = at == null ? 1 : Math.max(1, at.getLineNr());
      int col = at == null ? 1 : Math.max(1, at.getColumnNr());
      problems.add(new Y(file, "", null, line, col), "not valid YAML: " + e.getOriginalMessage());
    } catch (IOException e) {
      problems.add(name, "cannot read: " + e.getMessage());
    }
    return Optional.empty();
  }

  /**
   * A whole file as a tree with text scalars, for settings read outside the hall configuration;
   * throws {@link ConfigException} for a duplicate key, with its line and column.
   */
  static JsonNode tree(Path file) throws IOException {
    YamlFile yaml = new YamlFile(file.toString());
    Problems problems = new Problems();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        JsonParser parser = FACTORY.createParser(in)) {
      JsonNode root =
          parser.nextToken() == null ? NullNode.getInstance() : yaml.node(parser, "", problems);
      problems.throwIfAny();
      return root;
    }
  }

  String name() {
    return name;
  }

  Y cursor(String path, JsonNode node, int[] fallback) {
    int[] at = locations.getOrDefault(path, fallback);
    return new Y(this, path, node, at[0], at[1]);
  }

  private JsonNode node(JsonParser p, String path, Problems problems) throws IOException {
    locations.putIfAbsent(path, here(p));
    JsonToken token = p.currentToken();
    if (token == JsonToken.START_OBJECT) {
      ObjectNode object = JsonNodeFactory.instance.objectNode();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        String child = Y.child(path, key);
        int[] keyAt = here(p);
        p.nextToken();
        if (object.has(key)) {
          problems.add(new Y(this, child, null, keyAt[0], keyAt[1]), "duplicate key '" + key + "'");
          node(p, child + "#dup", problems);
          continue;
        }
        locations.put(child, keyAt);
        object.set(key, node(p, child, problems));
      }
      return object;
    }
    if (token == JsonToken.START_ARRAY) {
      ArrayNode array = JsonNodeFactory.instance.arrayNode();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        array.add(node(p, path + "[" + array.size() + "]", problems));
      }
      return array;
    }
    if (token == JsonToken.VALUE_NULL) {
      return NullNode.getInstance();
    }
    return new TextNode(p.getText());
  }

  private static int[] here(JsonParser p) {
    JsonLocation at = p.currentTokenLocation();
    return new int[] {Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr())};
  }
}
