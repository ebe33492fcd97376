package cn.suixin.hall.server.codec;

import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.hall.engine.Appointment;
import cn.suixin.hall.engine.Clerk;
import cn.suixin.hall.engine.DeviceId;
import cn.suixin.hall.engine.FollowUp;
import cn.suixin.hall.engine.HallEvent;
import cn.suixin.hall.engine.Outcome;
import cn.suixin.hall.engine.PickRule;
import cn.suixin.hall.engine.SequencedEvent;
import cn.suixin.hall.engine.ServiceRecordId;
import cn.suixin.hall.engine.TicketId;
import cn.suixin.hall.engine.TicketSource;
import cn.suixin.hall.engine.config.ChannelId;
import cn.suixin.hall.engine.config.MatterCode;
import cn.suixin.hall.engine.config.WindowId;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Every event type, with any values its fields can hold, comes back from the journal equal to what
 * was written. The events are drawn per type found in the sealed hierarchy, so a new type without a
 * generator here fails the property instead of going untested. (Named a test so that Surefire's
 * default includes run it in every build.)
 */
class EventCodecRoundTripTest {
  private static final JournalEventCodec JOURNAL = new JournalEventCodec();

  @Property(tries = 2000)
  @Label("decoding an encoded event of any type gives the same event")
  void round_trip(
      @ForAll("events") HallEvent e, @ForAll("seqs") long seq, @ForAll("instants") Instant at) {
    SequencedEvent se = new SequencedEvent(seq, at, e);
    assertThat(EventCodec.decode(EventCodec.encode(se))).isEqualTo(se);
    // as the journal stores it: with the idempotency meta of the command's last event
    byte[] stored = EventCodec.toBuffer(se, new JsonObject().put("idem", "k-" + seq)).getBytes();
    assertThat(EventCodec.decode(Buffer.buffer(stored))).isEqualTo(se);
    assertThat(JOURNAL.problem(seq, stored)).as("journal check of %s", se).isNull();
  }

  @Provide
  Arbitrary<HallEvent> events() {
    Map<Class<? extends HallEvent>, Arbitrary<? extends HallEvent>> byType = byType();
    List<Arbitrary<HallEvent>> each = new ArrayList<>();
    for (Class<? extends HallEvent> type : EventClasses.all()) {
      Arbitrary<? extends HallEvent> a = byType.get(type);
      if (a == null) {
        throw new AssertionError(
            "no arbitrary for " + type.getSimpleName() + ": add one to byType()");
      }
      each.add(a.map(HallEvent.class::cast));
    }
    return Arbitraries.oneOf(each);
  }

  @Provide
  Arbitrary<Long> seqs() {
    return Arbitraries.longs().greaterOrEqual(1);
  }

  @Provide
  Arbitrary<Instant> instants() {
    return instant();
  }

  private static Map<Class<? extends HallEvent>, Arbitrary<? extends HallEvent>> byType() {
    return Map.ofEntries(
        Map.entry(HallEvent.TicketIssued.class, ticketIssued()),
        Map.entry(
            HallEvent.TicketCalled.class,
            Combinators.combine(ticket(), window(), Arbitraries.of(PickRule.class))
                .as(HallEvent.TicketCalled::new)),
        Map.entry(
            HallEvent.TicketRecalled.class,
            Combinators.combine(ticket(), window(), anyInt()).as(HallEvent.TicketRecalled::new)),
        Map.entry(
            HallEvent.ServiceStarted.class,
            Combinators.combine(ticket(), window(), record(), clerk())
                .as(HallEvent.ServiceStarted::new)),
        Map.entry(
            HallEvent.ServiceFinished.class,
            Combinators.combine(ticket(), window(), record(), outcome())
                .as(HallEvent.ServiceFinished::new)),
        Map.entry(
            HallEvent.TicketNoShow.class,
            Combinators.combine(ticket(), window(), Arbitraries.of(true, false))
                .as(HallEvent.TicketNoShow::new)),
        Map.entry(
            HallEvent.TicketTransferred.class,
            Combinators.combine(
                    ticket(), window(), matter().injectNull(0.3), window().injectNull(0.3), text())
                .as(HallEvent.TicketTransferred::new)),
        Map.entry(
            HallEvent.TicketParked.class,
            Combinators.combine(ticket(), window()).as(HallEvent.TicketParked::new)),
        Map.entry(
            HallEvent.TicketResumed.class,
            Combinators.combine(ticket(), window()).as(HallEvent.TicketResumed::new)),
        Map.entry(
            HallEvent.TicketRedirected.class,
            Combinators.combine(ticket(), matter(), matter(), text(), text())
                .as(HallEvent.TicketRedirected::new)),
        Map.entry(
            HallEvent.GreenChannelGranted.class,
            Combinators.combine(ticket(), channel(), text(), text())
                .as(HallEvent.GreenChannelGranted::new)),
        Map.entry(
            HallEvent.TicketCancelled.class,
            Combinators.combine(ticket(), text()).as(HallEvent.TicketCancelled::new)),
        Map.entry(
            HallEvent.WindowPaused.class,
            Combinators.combine(window(), text()).as(HallEvent.WindowPaused::new)),
        Map.entry(HallEvent.WindowResumed.class, window().map(HallEvent.WindowResumed::new)),
        Map.entry(HallEvent.WindowOpened.class, window().map(HallEvent.WindowOpened::new)),
        Map.entry(
            HallEvent.WindowClosed.class,
            Combinators.combine(window(), text()).as(HallEvent.WindowClosed::new)),
        Map.entry(
            HallEvent.WindowRemapped.class,
            Combinators.combine(window(), Arbitraries.maps(matter(), anyInt()).ofMaxSize(6))
                .as(HallEvent.WindowRemapped::new)),
        Map.entry(
            HallEvent.ClerkSignedIn.class,
            Combinators.combine(window(), clerk()).as(HallEvent.ClerkSignedIn::new)),
        Map.entry(
            HallEvent.ClerkSignedOut.class,
            Combinators.combine(window(), clerk()).as(HallEvent.ClerkSignedOut::new)),
        Map.entry(
            HallEvent.RatingRecorded.class,
            Combinators.combine(record(), anyInt(), anyInt(), text(), followUp())
                .as(HallEvent.RatingRecorded::new)),
        Map.entry(
            HallEvent.NumberBlockReserved.class,
            Combinators.combine(Arbitraries.longs(), device(), matter(), text(), anyInt(), anyInt())
                .as(HallEvent.NumberBlockReserved::new)),
        Map.entry(HallEvent.NoticeChanged.class, text().map(HallEvent.NoticeChanged::new)),
        Map.entry(
            HallEvent.BusinessDayStarted.class, date().map(HallEvent.BusinessDayStarted::new)),
        Map.entry(HallEvent.EventLost.class, text().map(HallEvent.EventLost::new)));
  }

  private static Arbitrary<HallEvent.TicketIssued> ticketIssued() {
    Arbitrary<Tuple.Tuple6<TicketId, String, MatterCode, TicketSource, Integer, String>> first =
        Combinators.combine(
                ticket(), text(), matter(), Arbitraries.of(TicketSource.class), anyInt(), text())
            .as(Tuple::of);
    Arbitrary<Tuple.Tuple6<ChannelId, String, Appointment, DeviceId, Long, Instant>> second =
        Combinators.combine(
                channel().injectNull(0.5),
                text(),
                appointment().injectNull(0.5),
                device().injectNull(0.3),
                Arbitraries.longs(),
                instant())
            .as(Tuple::of);
    return Combinators.combine(first, second)
        .as(
            (a, b) ->
                new HallEvent.TicketIssued(
                    a.get1(), a.get2(), a.get3(), a.get4(), a.get5(), a.get6(), b.get1(), b.get2(),
                    b.get3(), b.get4(), b.get5(), b.get6()));
  }

  /** Free text as citizens, clerks and guides write it, or none. */
  private static Arbitrary<String> text() {
    return Arbitraries.strings()
        .withCharRange(' ', '~')
        .withCharRange('\u4e00', '\u9fa5')
        .withChars("\n\t\u00b7")
        .ofMaxLength(40)
        .injectNull(0.1);
  }

  /** Text a decoder requires to be there and not blank. */
  private static Arbitrary<String> words() {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .withCharRange('\u4e00', '\u9fa5')
        .ofMinLength(1)
        .ofMaxLength(20);
  }

  /**
   * An id as the configuration allows it: a letter or digit, then letters, digits, '.', '_' or '-'.
   */
  private static Arbitrary<String> id() {
    Arbitrary<Character> head = Arbitraries.chars().alpha().numeric();
    Arbitrary<String> tail =
        Arbitraries.strings().alpha().numeric().withChars("._-").ofMaxLength(63);
    return Combinators.combine(head, tail).as((h, t) -> h + t);
  }

  private static Arbitrary<TicketId> ticket() {
    return Arbitraries.strings()
        .alpha()
        .numeric()
        .withChars("-")
        .ofMinLength(1)
        .ofMaxLength(40)
        .map(TicketId::new);
  }

  private static Arbitrary<WindowId> window() {
    return id().map(WindowId::new);
  }

  private static Arbitrary<MatterCode> matter() {
    return id().map(MatterCode::new);
  }

  private static Arbitrary<ChannelId> channel() {
    return id().map(ChannelId::new);
  }

  private static Arbitrary<DeviceId> device() {
    return words().map(DeviceId::new);
  }

  private static Arbitrary<ServiceRecordId> record() {
    return Arbitraries.longs().map(ServiceRecordId::new);
  }

  private static Arbitrary<Clerk> clerk() {
    return Combinators.combine(words(), text()).as(Clerk::new);
  }

  private static Arbitrary<Integer> anyInt() {
    return Arbitraries.integers();
  }

  private static Arbitrary<Instant> instant() {
    // 1970 to 2100, to the nanosecond
    return Combinators.combine(
            Arbitraries.longs().between(0, 4_102_444_800L),
            Arbitraries.longs().between(0, 999_999_999))
        .as(Instant::ofEpochSecond);
  }

  private static Arbitrary<LocalDate> date() {
    return Arbitraries.longs().between(0, 47_000).map(LocalDate::ofEpochDay);
  }

  private static Arbitrary<Appointment> appointment() {
    return Combinators.combine(instant(), Arbitraries.longs().between(1, 86_400))
        .as((start, length) -> new Appointment(start, start.plusSeconds(length)));
  }

  private static Arbitrary<FollowUp> followUp() {
    return Combinators.combine(date(), date()).as(FollowUp::new).injectNull(0.4);
  }

  private static Arbitrary<Outcome> outcome() {
    return Arbitraries.oneOf(
        Arbitraries.just(new Outcome.Done()),
        Combinators.combine(words().list().ofMaxSize(4), date()).as(Outcome.PendingMaterials::new),
        words().map(Outcome.Referred::new),
        words().map(Outcome.NotDone::new));
  }
}
