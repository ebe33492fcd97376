package cn.suixin.hall.server.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records to JSON and back by component name, so a record that gains a component is stored with it
 * and nothing else changes: the engine's {@code HallImage} is the schema. Knows strings, numbers,
 * booleans, enums (by name), {@link Instant} and {@link LocalDate} (ISO text), lists, maps with
 * string keys (their order kept), nested records, and sealed interfaces of records (an object with
 * {@code "kind"}, the record's simple name).
 *
 * <p>A component missing from the JSON reads as null, 0 or false, an empty list or map; a name the
 * record no longer has is skipped: the snapshot's layout version says when that is not enough.
 */
public final class RecordJson {
  private static final JsonFactory JSON = new JsonFactory();
  private static final String KIND = "kind";
  private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

  private RecordJson() {}

  public static byte[] write(Record value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
    try (JsonGenerator out = JSON.createGenerator(bytes)) {
      write(out, value, value.getClass());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * @throws IllegalArgumentException when the bytes are not such a record: a damaged image
   */
  public static <R extends Record> R read(byte[] bytes, int from, int length, Class<R> type) {
    try (JsonParser in = JSON.createParser(bytes, from, length)) {
      in.nextToken();
      R value = type.cast(read(in, type));
      if (in.nextToken() != null) {
        throw new IllegalArgumentException("damaged image: more after the " + type.getSimpleName());
      }
      return value;
    } catch (IOException | RuntimeException e) {
      if (e instanceof IllegalArgumentException iae) {
        throw iae;
      }
      throw new IllegalArgumentException("damaged image: " + e.getMessage(), e);
    }
  }

  private static void write(JsonGenerator out, Object value, Type type) throws IOException {
    if (value == null) {
      out.writeNull();
    } else if (value instanceof String s) {
      out.writeString(s);
    } else if (value instanceof Integer i) {
      out.writeNumber(i);
    } else if (value instanceof Long l) {
      out.writeNumber(l);
    } else if (value instanceof Boolean b) {
      out.writeBoolean(b);
    } else if (value instanceof Enum<?> e) {
      out.writeString(e.name());
    } else if (value instanceof Instant || value instanceof LocalDate) {
      out.writeString(value.toString());
    } else if (value instanceof List<?> list) {
      Type element = argument(type, 0);
      out.writeStartArray();
      for (Object item : list) {
        write(out, item, element);
      }
      out.writeEndArray();
    } else if (value instanceof Map<?, ?> map) {
      Type element = argument(type, 1);
      out.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.writeFieldName((String) e.getKey());
        write(out, e.getValue(), element);
      }
      out.writeEndObject();
    } else if (value instanceof Record r) {
      Shape shape = shape(r.getClass());
      out.writeStartObject();
      if (raw(type).isSealed()) {
        out.writeStringField(KIND, r.getClass().getSimpleName());
      }
      for (int i = 0; i < shape.components.length; i++) {
        out.writeFieldName(shape.components[i].getName());
        write(out, shape.get(r, i), shape.components[i].getGenericType());
      }
      out.writeEndObject();
    } else {
      throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
    }
  }

  private static Object read(JsonParser in, Type type) throws IOException {
    JsonToken token = in.currentToken();
    Class<?> raw = raw(type);
    if (token == JsonToken.VALUE_NULL) {
      return null;
    } else if (raw == String.class) {
      return in.getValueAsString();
    } else if (raw == int.class || raw == Integer.class) {
      return in.getIntValue();
    } else if (raw == long.class || raw == Long.class) {
      return in.getLongValue();
    } else if (raw == boolean.class || raw == Boolean.class) {
      return in.getBooleanValue();
    } else if (raw.isEnum()) {
      return enumOf(raw, in.getText());
    } else if (raw == Instant.class) {
      return Instant.parse(in.getText());
    } else if (raw == LocalDate.class) {
      return LocalDate.parse(in.getText());
    } else if (raw == List.class) {
      expect(in, token, JsonToken.START_ARRAY);
      List<Object> list = new ArrayList<>();
      while (in.nextToken() != JsonToken.END_ARRAY) {
        list.add(read(in, argument(type, 0)));
      }
      return list;
    } else if (raw == Map.class) {
      expect(in, token, JsonToken.START_OBJECT);
      Map<String, Object> map = new LinkedHashMap<>();
      while (in.nextToken() == JsonToken.FIELD_NAME) {
        String key = in.currentName();
        in.nextToken();
        map.put(key, read(in, argument(type, 1)));
      }
      return map;
    } else if (raw.isRecord() || raw.isSealed()) {
      expect(in, token, JsonToken.START_OBJECT);
      return readRecord(in, raw);
    }
    throw new IllegalArgumentException("no JSON form for " + raw.getName());
  }

  private static Object readRecord(JsonParser in, Class<?> declared) throws IOException {
    Map<String, Object> fields = new HashMap<>();
    Shape shape = declared.isRecord() ? shape(declared) : null;
    while (in.nextToken() == JsonToken.FIELD_NAME) {
      String name = in.currentName();
      in.nextToken();
      if (shape == null && name.equals(KIND)) {
        shape = shape(kind(declared, in.getText()));
      } else if (shape == null) {
        throw new IllegalArgumentException(
            "damaged image: a " + declared.getSimpleName() + " must name its kind first");
      } else if (shape.index.containsKey(name)) {
        fields.put(name, read(in, shape.components[shape.index.get(name)].getGenericType()));
      } else {
        in.skipChildren();
      }
    }
    if (shape == null) {
      throw new IllegalArgumentException(
          "damaged image: a " + declared.getSimpleName() + " without its kind");
    }
    return shape.create(fields);
  }

  private static Class<?> kind(Class<?> sealed, String name) {
    for (Class<?> c : sealed.getPermittedSubclasses()) {
      if (c.getSimpleName().equals(name)) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        "damaged image: no " + sealed.getSimpleName() + " of kind " + name);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object enumOf(Class<?> type, String name) {
    return Enum.valueOf((Class) type, name);
  }

  private static void expect(JsonParser in, JsonToken found, JsonToken wanted) {
    if (found != wanted) {
      throw new IllegalArgumentException(
          "damaged image: " + wanted + " wanted, found " + found + " at " + in.currentLocation());
    }
  }

  private static Type argument(Type type, int index) {
    return ((ParameterizedType) type).getActualTypeArguments()[index];
  }

  private static Class<?> raw(Type type) {
    return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
  }

  private static Shape shape(Class<?> record) {
    return SHAPES.computeIfAbsent(record, Shape::new);
  }

  /** A record type's components, accessors and canonical constructor, looked up once. */
  private static final class Shape {
    final RecordComponent[] components;
    final Map<String, Integer> index = new HashMap<>();
    final Constructor<?> constructor;

    Shape(Class<?> type) {
      components = type.getRecordComponents();
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        index.put(components[i].getName(), i);
        types[i] = components[i].getType();
        components[i].getAccessor().setAccessible(true);
      }
      try {
        constructor = type.getDeclaredConstructor(types);
        constructor.setAccessible(true);
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException(e);
      }
    }

    Object get(Record r, int i) {
      try {
        return components[i].getAccessor().invoke(r);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }

    Object create(Map<String, Object> fields) {
      Object[] args = new Object[components.length];
      for (int i = 0; i < args.length; i++) {
        Object value = fields.get(components[i].getName());
        args[i] = value != null ? value : absent(components[i].getType());
      }
      try {
        return constructor.newInstance(args);
      } catch (ReflectiveOperationException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        throw new IllegalArgumentException("damaged image: " + cause.getMessage(), cause);
      }
    }

    private static Object absent(Class<?> type) {
      if (type == int.class) {
        return 0;
      } else if (type == long.class) {
        return 0L;
      } else if (type == boolean.class) {
        return false;
      } else if (type == List.class) {
        return List.of();
      } else if (type == Map.class) {
        return Map.of();
      }
      return null;
    }
  }
}
