package cn.suixin.hall.server.http;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Request bodies for every POST route, drawn from one seeded {@link Random}: valid shapes, valid
 * shapes with one value made hostile (a wrong type anywhere, a float, a huge number, a lone
 * surrogate, deep nesting), unknown fields, ID and phone numbers in free text, and text that is not
 * standard JSON or not UTF-8 at all. The same seed gives the same bodies.
 */
final class HostileBodies {
  /** Personal numbers the bodies carry; none may come back or be stored in clear. */
  static final List<String> ID_NUMBERS =
      List.of("510903199001011238", "51090319900101123X", "510903900101123", "110101199003074477");

  static final List<String> PHONES = List.of("13812345678", "19987654321");

  private enum Kind {
    MATTER,
    CHANNEL,
    TEXT,
    INT,
    INSTANT,
    DATE,
    OUTCOME,
    OFFLINE_TICKETS,
    MATTERS,
    MATERIALS,
    WINDOW,
    TICKET,
    ID_NUMBER,
    USERNAME
  }

  private record Field(String name, Kind kind, boolean required) {}

  private static final String HALL = "/api/v1/halls/{hall}";
  private static final String WINDOW = HALL + "/windows/{window}";
  private static final Map<String, List<Field>> SHAPES = shapes();
  private final Random r;
  private final List<String> tickets;

  /** {@code tickets}: ids of tickets the server issued, which the test keeps adding to. */
  HostileBodies(Random random, List<String> tickets) {
    this.r = random;
    this.tickets = tickets;
  }

  static java.util.Set<String> routes() {
    return SHAPES.keySet();
  }

  private static Map<String, List<Field>> shapes() {
    Map<String, List<Field>> s = new LinkedHashMap<>();
    s.put(
        "/api/v1/auth/login", List.of(req("username", Kind.USERNAME), req("password", Kind.TEXT)));
    s.put("/api/v1/auth/logout", List.of());
    s.put("/api/v1/users/{username}/unlock", List.of());
    s.put(HALL + "/kiosk/enrolment", List.of(req("token", Kind.TEXT)));
    s.put(
        HALL + "/tickets",
        List.of(
            req("matter", Kind.MATTER),
            opt("greenChannel", Kind.CHANNEL),
            opt("proof", Kind.TEXT),
            opt("partySize", Kind.INT),
            opt("idNumber", Kind.ID_NUMBER),
            opt("slotStart", Kind.INSTANT),
            opt("slotEnd", Kind.INSTANT)));
    s.put(
        HALL + "/tickets/{ticket}/redirect",
        List.of(req("matter", Kind.MATTER), req("reason", Kind.TEXT)));
    s.put(
        HALL + "/tickets/{ticket}/green-channel",
        List.of(req("channel", Kind.CHANNEL), opt("reason", Kind.TEXT)));
    s.put(HALL + "/tickets/{ticket}/cancel", List.of(opt("reason", Kind.TEXT)));
    for (String plain :
        List.of(
            "sign-in",
            "sign-out",
            "call-next",
            "recall",
            "start",
            "no-show",
            "park",
            "resume",
            "open")) {
      s.put(WINDOW + "/" + plain, List.of());
    }
    s.put(
        WINDOW + "/finish",
        List.of(
            req("outcome", Kind.OUTCOME),
            opt("missingMaterials", Kind.MATERIALS),
            opt("dueDate", Kind.DATE),
            opt("referredTo", Kind.TEXT),
            opt("reason", Kind.TEXT)));
    s.put(
        WINDOW + "/transfer",
        List.of(opt("matter", Kind.MATTER), opt("window", Kind.WINDOW), opt("reason", Kind.TEXT)));
    s.put(WINDOW + "/resume-parked", List.of(req("ticket", Kind.TICKET)));
    s.put(WINDOW + "/pause", List.of(req("reason", Kind.TEXT)));
    s.put(WINDOW + "/close", List.of(opt("reason", Kind.TEXT)));
    s.put(WINDOW + "/matters", List.of(req("matters", Kind.MATTERS)));
    s.put(
        HALL + "/ratings",
        List.of(
            req("record", Kind.INT),
            req("level", Kind.INT),
            opt("reasons", Kind.INT),
            opt("comment", Kind.TEXT)));
    s.put(HALL + "/notice", List.of(opt("text", Kind.TEXT)));
    s.put(HALL + "/offline-blocks", List.of(req("matter", Kind.MATTER), req("size", Kind.INT)));
    s.put(
        HALL + "/offline-tickets",
        List.of(req("block", Kind.INT), req("tickets", Kind.OFFLINE_TICKETS)));
    return s;
  }

  private static Field req(String name, Kind kind) {
    return new Field(name, kind, true);
  }

  private static Field opt(String name, Kind kind) {
    return new Field(name, kind, false);
  }

  /**
   * The bytes to send to the route (a route template as the router names it), or null for no body.
   */
  byte[] body(String route) {
    List<Field> shape = SHAPES.get(route);
    int pick = r.nextInt(100);
    if (pick < 30) {
      return utf8(JsonText.write(valid(shape)));
    }
    if (pick < 55) {
      return utf8(JsonText.write(mutated(valid(shape))));
    }
    if (pick < 65) {
      Map<String, Object> body = valid(shape);
      body.put(
          oneOf(
              "colour",
              "asClerk",
              "__proto__",
              ID_NUMBERS.get(0),
              "id" + ID_NUMBERS.get(3),
              PHONES.get(0),
              "张三",
              "\ud800",
              ""),
          hostile(0));
      return utf8(JsonText.write(body));
    }
    if (pick < 85) {
      return NotJson.mutate(JsonText.write(valid(shape)), r);
    }
    if (pick < 92) {
      return utf8(JsonText.write(hostile(0)));
    }
    return NotJson.noise(r);
  }

  private Map<String, Object> valid(List<Field> shape) {
    Map<String, Object> body = new LinkedHashMap<>();
    for (Field f : shape) {
      if (f.required() || r.nextInt(3) == 0) {
        body.put(f.name(), value(f.kind()));
      }
    }
    return body;
  }

  private Object value(Kind kind) {
    return switch (kind) {
      case MATTER -> oneOf("HH-CERT", "HH-ID-RENEW", "EE-PASSPORT", "PO-NO-RECORD", "XX-NOTHING");
      case CHANNEL -> oneOf("gaokao", "migrant-workers", "hkmo-students", "no-such-channel");
      case TEXT -> text();
      case INT -> r.nextInt(4) == 0 ? r.nextInt(2000) - 100 : oneOf(0, 1, 2, 3, 5, 10, 20);
      case INSTANT ->
          r.nextBoolean()
              ? Instant.now().plusSeconds(r.nextInt(7200) - 3600).toString()
              : "2026-01-05T01:00:00Z";
      case DATE -> LocalDate.now().plusDays(r.nextInt(30) - 5).toString();
      case OUTCOME -> oneOf("DONE", "PENDING_MATERIALS", "REFERRED", "NOT_DONE");
      case OFFLINE_TICKETS ->
          list(
              () -> {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("number", value(Kind.INT));
                t.put("issuedAt", value(Kind.INSTANT));
                return t;
              });
      case MATTERS -> r.nextBoolean() ? list(() -> value(Kind.MATTER)) : weights();
      case MATERIALS -> list(this::text);
      case WINDOW -> oneOf("01", "03", "07", "99");
      case TICKET ->
          tickets.isEmpty() || r.nextInt(4) == 0
              ? oneOf("20260101-Z999", ID_NUMBERS.get(0))
              : tickets.get(r.nextInt(tickets.size()));
      case ID_NUMBER -> r.nextInt(5) == 0 ? "12345" : ID_NUMBERS.get(r.nextInt(ID_NUMBERS.size()));
      case USERNAME -> "nobody" + r.nextInt(100);
    };
  }

  private String text() {
    StringBuilder b = new StringBuilder();
    int parts = 1 + r.nextInt(3);
    for (int i = 0; i < parts; i++) {
      b.append(
          oneOf(
              "取错号",
              "材料不全",
              "检修",
              "办结",
              "a",
              "😀",
              "  ",
              "身份证",
              "电话 +86",
              "\n",
              ID_NUMBERS.get(r.nextInt(ID_NUMBERS.size())),
              PHONES.get(r.nextInt(PHONES.size())),
              "证".repeat(150)));
    }
    return b.toString();
  }

  private Map<String, Object> weights() {
    Map<String, Object> w = new LinkedHashMap<>();
    for (int i = r.nextInt(3); i >= 0; i--) {
      w.put((String) value(Kind.MATTER), 1 + r.nextInt(10));
    }
    return w;
  }

  private List<Object> list(java.util.function.Supplier<Object> element) {
    List<Object> l = new ArrayList<>();
    for (int i = r.nextInt(4); i > 0; i--) {
      l.add(element.get());
    }
    return l;
  }

  /** The valid body with one value anywhere in it (or a new member) replaced by a hostile one. */
  private Object mutated(Map<String, Object> body) {
    List<Object[]> slots = new ArrayList<>();
    collect(body, slots);
    if (slots.isEmpty()) {
      body.put("x", hostile(0));
      return body;
    }
    Object[] slot = slots.get(r.nextInt(slots.size()));
    if (slot[0] instanceof Map<?, ?> m) {
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) m;
      map.put((String) slot[1], hostile(0));
    } else {
      @SuppressWarnings("unchecked")
      List<Object> list = (List<Object>) slot[0];
      list.set((Integer) slot[1], hostile(0));
    }
    return body;
  }

  private static void collect(Object node, List<Object[]> slots) {
    if (node instanceof Map<?, ?> m) {
      m.forEach(
          (k, v) -> {
            slots.add(new Object[] {m, k});
            collect(v, slots);
          });
    } else if (node instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) {
        slots.add(new Object[] {l, i});
        collect(l.get(i), slots);
      }
    }
  }

  private Object hostile(int depth) {
    int pick = r.nextInt(depth > 2 ? 24 : 28);
    return switch (pick) {
      case 0 -> null;
      case 1 -> r.nextBoolean();
      case 2 -> 2147483648L;
      case 3 -> Long.MAX_VALUE;
      case 4 -> new BigInteger("9".repeat(40));
      case 5 -> new BigDecimal("2.0");
      case 6 -> new BigDecimal("1.5");
      case 7 -> new JsonText.Raw("1e400");
      case 8 -> new JsonText.Raw("-0.0");
      case 9 -> "";
      case 10 -> "x";
      case 11 -> "\ud800";
      case 12 -> "已\udc00";
      case 13 -> "\u0000";
      case 14 -> "../etc/passwd";
      case 15 -> "证".repeat(3000);
      case 16 -> text();
      case 17 -> -1;
      case 18 -> new JsonText.Raw("NaN");
      case 19 -> new JsonText.Raw("02");
      case 20 -> new JsonText.Raw("/*c*/1");
      case 21 -> new JsonText.Raw("'x'");
      case 22 -> ID_NUMBERS.get(r.nextInt(ID_NUMBERS.size()));
      case 23 -> nested(5 + r.nextInt(40));
      case 24 -> new ArrayList<>(List.of(1, "a", new LinkedHashMap<>(), new ArrayList<>()));
      case 25 -> list(() -> hostile(depth + 1));
      case 26 -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(oneOf("a", "number", ID_NUMBERS.get(1)), hostile(depth + 1));
        yield m;
      }
      default -> new ArrayList<>();
    };
  }

  private static Object nested(int depth) {
    Object v = 1;
    for (int i = 0; i < depth; i++) {
      v = new ArrayList<>(List.of(v));
    }
    return v;
  }

  @SafeVarargs
  private <T> T oneOf(T... options) {
    return options[r.nextInt(options.length)];
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
