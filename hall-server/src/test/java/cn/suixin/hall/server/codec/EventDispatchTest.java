package cn.suixin.hall.server.codec;

import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.hall.engine.HallEvent;
import cn.suixin.hall.engine.SequencedEvent;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Nothing that handles events can forget one: the sealed hierarchy is walked for every event
 * record, and the visitor, its group defaults, the wire names and the codec must each know all of
 * them. A new event type fails here (or does not compile) until every one of them has its case.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EventDispatchTest {
  private static final List<Class<? extends HallEvent>> EVENTS = EventClasses.all();

  @Test
  void every_event_is_a_record_in_exactly_one_group_of_what_it_touches() {
    assertThat(EVENTS)
        .isNotEmpty()
        .allMatch(Class::isRecord, "is a record")
        .doesNotHaveDuplicates();
    for (Class<?> group : HallEvent.class.getPermittedSubclasses()) {
      assertThat(group.isInterface() && group.isSealed())
          .as("%s is a sealed group", group.getSimpleName())
          .isTrue();
    }
    for (Class<? extends HallEvent> e : EVENTS) {
      long groups =
          Arrays.stream(HallEvent.class.getPermittedSubclasses())
              .filter(g -> g.isAssignableFrom(e))
              .count();
      assertThat(groups).as("groups of %s", e.getSimpleName()).isEqualTo(1);
    }
  }

  @Test
  void the_visitor_has_exactly_one_method_per_event() {
    assertThat(visitMethods(HallEvent.Visitor.class))
        .as("events the visitor visits")
        .containsExactlyInAnyOrderElementsOf(EVENTS);
    assertThat(HallEvent.Visitor.class.getDeclaredMethods()).hasSize(EVENTS.size());
  }

  @Test
  void the_group_visitor_sends_every_event_to_its_group() {
    List<Method> defaults =
        Arrays.stream(HallEvent.ByGroup.class.getDeclaredMethods())
            .filter(m -> m.getName().equals("visit"))
            .toList();
    assertThat(defaults).allMatch(Method::isDefault, "has a default");
    assertThat(visitMethods(HallEvent.ByGroup.class)).containsExactlyInAnyOrderElementsOf(EVENTS);
  }

  @Test
  void every_event_has_its_own_wire_name_and_every_name_is_an_event() {
    Map<String, Class<?>> byName = new HashMap<>();
    for (HallEvent e : samplesOfEveryType()) {
      Class<?> earlier = byName.putIfAbsent(EventTypes.of(e), e.getClass());
      assertThat(earlier == null || earlier == e.getClass())
          .as("%s named twice", EventTypes.of(e))
          .isTrue();
    }
    assertThat(byName.values()).containsExactlyInAnyOrderElementsOf(EVENTS);
    Set<String> constants =
        Arrays.stream(EventTypes.class.getFields())
            .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
            .map(f -> (String) get(f))
            .collect(toSet());
    assertThat(constants).isEqualTo(byName.keySet());
  }

  @Test
  void the_codec_reads_back_every_event_it_writes() {
    long seq = 1;
    for (HallEvent e : samplesOfEveryType()) {
      SequencedEvent se = new SequencedEvent(seq++, EventSamples.at(), e);
      assertThat(EventCodec.decode(EventCodec.encode(se)))
          .as(e.getClass().getSimpleName())
          .isEqualTo(se);
    }
  }

  /** The hand-picked samples, which must hold one of every event type. */
  private static List<HallEvent> samplesOfEveryType() {
    List<HallEvent> samples = EventSamples.all();
    assertThat(samples.stream().map(HallEvent::getClass).collect(toSet()))
        .as("types with a sample")
        .containsExactlyInAnyOrderElementsOf(EVENTS);
    return samples;
  }

  private static List<Class<?>> visitMethods(Class<?> visitor) {
    return Arrays.stream(visitor.getDeclaredMethods())
        .filter(m -> m.getName().equals("visit"))
        .filter(m -> m.getParameterCount() == 1)
        .<Class<?>>map(m -> m.getParameterTypes()[0])
        .toList();
  }

  private static Object get(java.lang.reflect.Field f) {
    try {
      return f.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
