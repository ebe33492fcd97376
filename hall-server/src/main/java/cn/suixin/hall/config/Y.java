package cn.suixin.hall.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A cursor on one node of a {@link YamlFile}: the node, its YAML path and where it is written. A
 * field that is absent gives a missing node placed at its parent.
 */
record Y(YamlFile src, String path, JsonNode node, int line, int column) {

  static String child(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  String file() {
    return src.name();
  }

  boolean missing() {
    return node == null || node.isMissingNode() || node.isNull();
  }

  boolean isMap() {
    return node != null && node.isObject();
  }

  boolean isList() {
    return node != null && node.isArray();
  }

  boolean isScalar() {
    return node != null && node.isTextual();
  }

  String text() {
    return isScalar() ? node.asText() : null;
  }

  Y get(String key) {
    JsonNode value = isMap() ? node.get(key) : null;
    return src.cursor(
        child(path, key),
        value == null ? MissingNode.getInstance() : value,
        new int[] {line, column});
  }

  List<Y> items() {
    List<Y> out = new ArrayList<>();
    if (isList()) {
      for (int i = 0; i < node.size(); i++) {
        out.add(src.cursor(path + "[" + i + "]", node.get(i), new int[] {line, column}));
      }
    }
    return out;
  }

  List<Map.Entry<String, Y>> entries() {
    List<Map.Entry<String, Y>> out = new ArrayList<>();
    if (isMap()) {
      node.fieldNames().forEachRemaining(k -> out.add(Map.entry(k, get(k))));
    }
    return out;
  }

  /** Reports fields outside {@code known}: usually a typo that would otherwise be ignored. */
  void onlyFields(List<String> known, Problems problems) {
    for (Map.Entry<String, Y> e : entries()) {
      if (!known.contains(e.getKey())) {
        problems.add(
            e.getValue(), "unknown field '" + e.getKey() + "' (expected one of " + known + ")");
      }
    }
  }
}
