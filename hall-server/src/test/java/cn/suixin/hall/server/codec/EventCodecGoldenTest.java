package cn.suixin.hall.server.codec;

import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.hall.engine.HallEvent;
import cn.suixin.hall.engine.SequencedEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The journal's bytes for one event of every type (and every optional field both ways), pinned: a
 * journal written today must read the same tomorrow, so the JSON an event becomes never moves, not
 * even the order of its fields. Run with {@code -Dgolden.print=true} to see the lines.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EventCodecGoldenTest {
  private static final String GOLDEN =
      """
      {"seq":1,"at":"2026-06-01T01:30:00.123Z","type":"ticket.issued","ticket":"20260601-A001","number":"A001","matter":"EE-PASSPORT","source":"KIOSK","partySize":1,"personHash":null,"greenChannel":null,"grantedBy":null,"device":null,"serial":1,"arrival":"2026-06-01T01:30:00.123Z"}
      {"seq":2,"at":"2026-06-01T01:30:00.123Z","type":"ticket.issued","ticket":"20260601-A001","number":"A002","matter":"HH-ID-RENEW","source":"APPOINTMENT","partySize":3,"personHash":"9f2c","greenChannel":"gaokao","grantedBy":"G07","device":"kiosk-1","serial":77,"arrival":"2026-06-01T01:29:55.123Z","slotStart":"2026-06-01T01:30:00.123Z","slotEnd":"2026-06-01T02:00:00.123Z"}
      {"seq":3,"at":"2026-06-01T01:30:00.123Z","type":"ticket.called","ticket":"20260601-A001","window":"07","rule":"GREEN_CHANNEL"}
      {"seq":4,"at":"2026-06-01T01:30:00.123Z","type":"ticket.recalled","ticket":"20260601-A001","window":"07","recalls":2}
      {"seq":5,"at":"2026-06-01T01:30:00.123Z","type":"service.started","ticket":"20260601-A001","window":"07","record":42,"staffNo":"051234","clerkName":"王芳"}
      {"seq":6,"at":"2026-06-01T01:30:00.123Z","type":"service.finished","ticket":"20260601-A001","window":"07","record":42,"outcome":{"outcome":"DONE"}}
      {"seq":7,"at":"2026-06-01T01:30:00.123Z","type":"service.finished","ticket":"20260601-A001","window":"07","record":42,"outcome":{"outcome":"PENDING_MATERIALS","missingMaterials":["户口簿","照片"],"dueDate":"2026-06-04"}}
      {"seq":8,"at":"2026-06-01T01:30:00.123Z","type":"service.finished","ticket":"20260601-A001","window":"07","record":42,"outcome":{"outcome":"REFERRED","referredTo":"出入境窗口"}}
      {"seq":9,"at":"2026-06-01T01:30:00.123Z","type":"service.finished","ticket":"20260601-A001","window":"07","record":42,"outcome":{"outcome":"NOT_DONE","reason":"材料不全"}}
      {"seq":10,"at":"2026-06-01T01:30:00.123Z","type":"ticket.no-show","ticket":"20260601-A001","window":"07","requeued":true}
      {"seq":11,"at":"2026-06-01T01:30:00.123Z","type":"ticket.transferred","ticket":"20260601-A001","fromWindow":"07","toMatter":"HH-ID-RENEW","toWindow":null,"reason":"转综合"}
      {"seq":12,"at":"2026-06-01T01:30:00.123Z","type":"ticket.transferred","ticket":"20260601-A001","fromWindow":"07","toMatter":null,"toWindow":"08","reason":""}
      {"seq":13,"at":"2026-06-01T01:30:00.123Z","type":"ticket.parked","ticket":"20260601-A001","window":"07"}
      {"seq":14,"at":"2026-06-01T01:30:00.123Z","type":"ticket.resumed","ticket":"20260601-A001","window":"07"}
      {"seq":15,"at":"2026-06-01T01:30:00.123Z","type":"ticket.redirected","ticket":"20260601-A001","fromMatter":"EE-PASSPORT","toMatter":"HH-ID-RENEW","reason":"走错","guide":"G07"}
      {"seq":16,"at":"2026-06-01T01:30:00.123Z","type":"green-channel.granted","ticket":"20260601-A001","channel":"gaokao","guide":"G07","reason":"准考证"}
      {"seq":17,"at":"2026-06-01T01:30:00.123Z","type":"ticket.cancelled","ticket":"20260601-A001","reason":"不办了"}
      {"seq":18,"at":"2026-06-01T01:30:00.123Z","type":"window.paused","window":"07","reason":"午休"}
      {"seq":19,"at":"2026-06-01T01:30:00.123Z","type":"window.resumed","window":"07"}
      {"seq":20,"at":"2026-06-01T01:30:00.123Z","type":"window.opened","window":"07"}
      {"seq":21,"at":"2026-06-01T01:30:00.123Z","type":"window.closed","window":"07","reason":""}
      {"seq":22,"at":"2026-06-01T01:30:00.123Z","type":"window.remapped","window":"07","weights":{"EE-PASSPORT":7,"HH-ID-RENEW":3}}
      {"seq":23,"at":"2026-06-01T01:30:00.123Z","type":"clerk.signed-in","window":"07","staffNo":"051234","clerkName":"王芳"}
      {"seq":24,"at":"2026-06-01T01:30:00.123Z","type":"clerk.signed-out","window":"07","staffNo":"051235","clerkName":null}
      {"seq":25,"at":"2026-06-01T01:30:00.123Z","type":"rating.recorded","record":42,"level":5,"reasons":0,"comment":null}
      {"seq":26,"at":"2026-06-01T01:30:00.123Z","type":"rating.recorded","record":42,"level":1,"reasons":6,"comment":"态度差","callbackDue":"2026-06-02","rectifyDue":"2026-06-08"}
      {"seq":27,"at":"2026-06-01T01:30:00.123Z","type":"block.reserved","block":3,"device":"kiosk-1","matter":"EE-PASSPORT","prefix":"A","from":501,"to":550}
      {"seq":28,"at":"2026-06-01T01:30:00.123Z","type":"notice.changed","text":"今日下午停电检修"}
      {"seq":29,"at":"2026-06-01T01:30:00.123Z","type":"day.started","day":"2026-06-01"}
      {"seq":30,"at":"2026-06-01T01:30:00.123Z","type":"event.lost","reason":"seq 9 damaged, repaired 2026-06-02"}
      """;

  @Test
  void every_event_type_is_written_as_before() {
    List<String> lines = new ArrayList<>();
    long seq = 1;
    for (HallEvent e : EventSamples.all()) {
      lines.add(
          EventCodec.toBuffer(new SequencedEvent(seq++, EventSamples.at(), e), null).toString());
    }
    String written = String.join("\n", lines) + "\n";
    if (Boolean.getBoolean("golden.print")) {
      System.out.println(written);
    }
    assertThat(written).isEqualTo(GOLDEN);
  }
}
