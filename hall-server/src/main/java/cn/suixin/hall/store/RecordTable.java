package cn.suixin.hall.store;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The in-memory picture of the record log, and the log's payload format: each frame carries {@code
 * {"op":"put","c":collection,"k":key,"v":value}} or {@code {"op":"remove","c":..,"k":..}}. It also
 * tracks the bytes the live values would take in a fresh log, which decides compaction.
 */
final class RecordTable {

  private record Stored(JsonObject value, int frameBytes) {}

  private final Map<String, Map<String, Stored>> collections = new LinkedHashMap<>();
  private long liveBytes;

  static byte[] putPayload(String collection, String key, JsonObject value) {
    return new JsonObject()
        .put("op", "put")
        .put("c", collection)
        .put("k", key)
        .put("v", value)
        .toBuffer()
        .getBytes();
  }

  static byte[] removePayload(String collection, String key) {
    return new JsonObject()
        .put("op", "remove")
        .put("c", collection)
        .put("k", key)
        .toBuffer()
        .getBytes();
  }

  /** Applies a frame read from the log. */
  void apply(byte[] payload) {
    JsonObject op = new JsonObject(Buffer.buffer(payload));
    String collection = op.getString("c");
    String key = op.getString("k");
    if ("put".equals(op.getString("op"))) {
      put(collection, key, op.getJsonObject("v"), Frames.size(payload));
    } else {
      remove(collection, key);
    }
  }

  JsonObject get(String collection, String key) {
    Stored stored = collections.getOrDefault(collection, Map.of()).get(key);
    return stored == null ? null : stored.value();
  }

  void put(String collection, String key, JsonObject value, int frameBytes) {
    Stored old =
        collections
            .computeIfAbsent(collection, c -> new LinkedHashMap<>())
            .put(key, new Stored(value, frameBytes));
    liveBytes += frameBytes - (old == null ? 0 : old.frameBytes());
  }

  boolean remove(String collection, String key) {
    Map<String, Stored> values = collections.get(collection);
    Stored old = values == null ? null : values.remove(key);
    if (old != null) {
      liveBytes -= old.frameBytes();
    }
    return old != null;
  }

  List<JsonObject> list(String collection) {
    List<JsonObject> values = new ArrayList<>();
    collections
        .getOrDefault(collection, Map.of())
        .values()
        .forEach(s -> values.add(s.value().copy()));
    return values;
  }

  void clear() {
    collections.clear();
    liveBytes = 0;
  }

  long liveBytes() {
    return liveBytes;
  }

  /** The live values as a fresh log, numbered from 1: the content of a compacted file. */
  ByteBuffer compacted(int magic) {
    List<byte[]> payloads = new ArrayList<>();
    long bytes = 0;
    for (var collection : collections.entrySet()) {
      for (var entry : collection.getValue().entrySet()) {
        byte[] payload = putPayload(collection.getKey(), entry.getKey(), entry.getValue().value());
        payloads.add(payload);
        bytes += Frames.size(payload);
      }
    }
    ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(bytes));
    long seq = 1;
    for (byte[] payload : payloads) {
      Frames.encode(out, magic, seq++, payload);
    }
    return out.flip();
  }
}
