package cn.suixin.hall.server.codec;

import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.hall.engine.Appointment;
import cn.suixin.hall.engine.Clerk;
import cn.suixin.hall.engine.DeviceId;
import cn.suixin.hall.engine.HallCommand;
import cn.suixin.hall.engine.Outcome;
import cn.suixin.hall.engine.ServiceRecordId;
import cn.suixin.hall.engine.TicketId;
import cn.suixin.hall.engine.TicketSource;
import cn.suixin.hall.engine.config.ChannelId;
import cn.suixin.hall.engine.config.MatterCode;
import cn.suixin.hall.engine.config.WindowId;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every kind of command survives the JSON form it crosses the clustered event bus in. */
class CommandCodecTest {

  @Property(tries = 500)
  void every_command_reads_back_equal_from_its_json_form(@ForAll("commands") HallCommand c) {
    JsonObject json = CommandCodec.encode(c);
    // as it travels: text on the wire, parsed again on the other node
    HallCommand back = CommandCodec.decode(new JsonObject(json.encode()));
    assertThat(back).isEqualTo(c);
  }

  @Example
  void the_commands_tried_cover_every_kind_and_the_codec_reads_every_type_it_writes() {
    Set<Class<?>> tried = new HashSet<>();
    Set<String> written = new HashSet<>();
    for (Arbitrary<? extends HallCommand> a : kinds()) {
      HallCommand c = a.sample();
      tried.add(c.getClass());
      written.add(CommandCodec.encode(c).getString("type"));
    }
    assertThat(tried).containsExactlyInAnyOrderElementsOf(kindsOfCommand());
    assertThat(written).as("one type per kind").hasSize(tried.size());
    assertThat(CommandCodec.types()).containsExactlyInAnyOrderElementsOf(written);
  }

  private static List<Class<?>> kindsOfCommand() {
    List<Class<?>> kinds = new ArrayList<>();
    for (Class<?> sub : HallCommand.class.getPermittedSubclasses()) {
      if (sub.isInterface()) {
        kinds.addAll(List.of(sub.getPermittedSubclasses()));
      } else {
        kinds.add(sub);
      }
    }
    return kinds;
  }

  @Provide
  Arbitrary<HallCommand> commands() {
    return Arbitraries.oneOf(kinds());
  }

  private static Arbitrary<String> ids() {
    return Arbitraries.strings()
        .withCharRange('A', 'Z')
        .numeric()
        .withChars('-', '.', '_')
        .ofMinLength(1)
        .ofMaxLength(20)
        .filter(s -> Character.isLetterOrDigit(s.charAt(0)));
  }

  private static Arbitrary<String> texts() {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .withChars('号', '窗', ' ', '"', '\\')
        .ofMinLength(1)
        .ofMaxLength(30)
        .filter(s -> !s.isBlank());
  }

  private static Arbitrary<WindowId> windows() {
    return ids().map(WindowId::new);
  }

  private static Arbitrary<MatterCode> matters() {
    return ids().map(MatterCode::new);
  }

  private static Arbitrary<TicketId> tickets() {
    return Arbitraries.integers().between(1, 999).map(n -> new TicketId("20261125-A" + n));
  }

  private static Arbitrary<Instant> instants() {
    return Arbitraries.longs().between(1_700_000_000L, 1_900_000_000L).map(Instant::ofEpochSecond);
  }

  private static Arbitrary<Outcome> outcomes() {
    return Arbitraries.oneOf(
        Arbitraries.just(new Outcome.Done()),
        Combinators.combine(
                texts().list().ofMinSize(1).ofMaxSize(3), Arbitraries.integers().between(0, 60))
            .as((m, d) -> new Outcome.PendingMaterials(m, LocalDate.of(2026, 12, 1).plusDays(d))),
        texts().map(Outcome.Referred::new),
        texts().map(Outcome.NotDone::new));
  }

  private static Arbitrary<HallCommand.IssueTicket> issues() {
    Arbitrary<Appointment> slots =
        instants().map(i -> new Appointment(i, i.plusSeconds(1800))).injectNull(0.5);
    return Combinators.combine(
            matters(),
            Arbitraries.of(TicketSource.class),
            Arbitraries.integers().between(1, 9),
            texts().injectNull(0.5),
            ids().map(ChannelId::new).injectNull(0.5),
            texts().injectNull(0.5),
            ids().injectNull(0.5),
            slots)
        .as(
            (m, s, p, h, g, proof, by, slot) ->
                new HallCommand.IssueTicket(m, s, p, h, g, proof, by, slot, null))
        .flatMap(
            i ->
                ids()
                    .map(DeviceId::new)
                    .injectNull(0.5)
                    .map(
                        d ->
                            new HallCommand.IssueTicket(
                                i.matter(),
                                i.source(),
                                i.partySize(),
                                i.personHash(),
                                i.greenChannel(),
                                i.proof(),
                                i.grantedBy(),
                                i.appointment(),
                                d)));
  }

  private static List<Arbitrary<? extends HallCommand>> kinds() {
    return List.of(
        issues(),
        windows().map(HallCommand.CallNext::new),
        windows().map(HallCommand.Recall::new),
        windows().map(HallCommand.StartService::new),
        Combinators.combine(windows(), outcomes()).as(HallCommand.FinishService::new),
        windows().map(HallCommand.MarkNoShow::new),
        Combinators.combine(
                windows(),
                matters().injectNull(0.3),
                windows().injectNull(0.3),
                texts().injectNull(0.5))
            .as(HallCommand.Transfer::new),
        windows().map(HallCommand.Park::new),
        Combinators.combine(windows(), tickets()).as(HallCommand.ResumeParked::new),
        Combinators.combine(tickets(), matters(), texts(), ids()).as(HallCommand.Redirect::new),
        Combinators.combine(tickets(), ids().map(ChannelId::new), ids(), texts().injectNull(0.5))
            .as(HallCommand.GrantGreenChannel::new),
        Combinators.combine(tickets(), texts().injectNull(0.5)).as(HallCommand.CancelTicket::new),
        Combinators.combine(windows(), texts()).as(HallCommand.PauseWindow::new),
        windows().map(HallCommand.ResumeWindow::new),
        windows().map(HallCommand.OpenWindow::new),
        Combinators.combine(windows(), texts().injectNull(0.5)).as(HallCommand.CloseWindow::new),
        Combinators.combine(
                windows(),
                Arbitraries.maps(matters(), Arbitraries.integers().between(1, 10))
                    .ofMinSize(1)
                    .ofMaxSize(4))
            .as(HallCommand.RemapWindow::new),
        Combinators.combine(windows(), ids(), texts())
            .as((w, no, name) -> new HallCommand.SignIn(w, new Clerk(no, name))),
        windows().map(HallCommand.SignOut::new),
        Combinators.combine(
                Arbitraries.integers().between(1, 1_000_000),
                Arbitraries.integers().between(1, 5),
                Arbitraries.integers().between(0, 255),
                texts().injectNull(0.5))
            .as(
                (r, l, bits, c) ->
                    new HallCommand.RecordRating(new ServiceRecordId(r), l, bits, c)),
        Combinators.combine(
                ids().map(DeviceId::new), matters(), Arbitraries.integers().between(1, 500))
            .as(HallCommand.ReserveNumberBlock::new),
        Combinators.combine(
                ids().map(DeviceId::new),
                Arbitraries.longs().between(1, 100_000),
                Combinators.combine(Arbitraries.integers().between(1, 999), instants())
                    .as(HallCommand.OfflineTicket::new)
                    .list()
                    .ofMaxSize(5))
            .as(HallCommand.AdmitOfflineTickets::new),
        texts().map(HallCommand.SetNotice::new),
        Arbitraries.just(new HallCommand.Tick()));
  }
}
