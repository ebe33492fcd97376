package cn.suixin.hall.store;

import static cn.suixin.hall.store.JournalFixtures.entries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever a crash leaves at the end of a journal, opening it keeps exactly the whole frames; a
 * damaged frame with valid frames after it is not a crash's doing, and opening refuses.
 */
@Label("Journal file recovery")
class JournalFileProperties {

  private static final int FRAMES = 20;

  @Property(tries = 200)
  @Label("a file cut at any byte keeps exactly the frames that ended before the cut")
  void cut_anywhere(@ForAll @IntRange(min = 0, max = 100_000) int cutSeed) throws IOException {
    withJournal(
        (file, ends) -> {
          long cut = cutSeed % (ends.get(FRAMES - 1) + 1);
          try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(cut);
          }
          long whole = ends.stream().filter(end -> end <= cut).count();
          assertReopensWith(file.getParent(), whole);
        });
  }

  @Property(tries = 200)
  @Label("a byte flipped in the last frame is a torn tail: the frames before it are kept")
  void flip_in_the_last_frame(
      @ForAll @IntRange(min = 0, max = 100_000) int positionSeed,
      @ForAll @IntRange(min = 1, max = 255) int mask)
      throws IOException {
    withJournal(
        (file, ends) -> {
          long lastStart = ends.get(FRAMES - 2);
          long position = lastStart + positionSeed % (ends.get(FRAMES - 1) - lastStart);
          flip(file, position, mask);
          assertReopensWith(file.getParent(), FRAMES - 1);
        });
  }

  /**
   * Not a crash: a crash only ever tears the end. The journal refuses to open, cuts nothing, and
   * names the damaged frame and the valid one after it.
   */
  @Property(tries = 200)
  @Label("a byte flipped in any earlier frame refuses the journal, naming the frame")
  void flip_before_the_last_frame(
      @ForAll @IntRange(min = 0, max = 100_000) int positionSeed,
      @ForAll @IntRange(min = 1, max = 255) int mask)
      throws IOException {
    withJournal(
        (file, ends) -> {
          long position = positionSeed % ends.get(FRAMES - 2);
          flip(file, position, mask);
          int damaged = (int) ends.stream().filter(end -> end <= position).count();
          long start = damaged == 0 ? 0 : ends.get(damaged - 1);
          byte[] before = Files.readAllBytes(file);
          JournalFile reopened = new JournalFile(file.getParent(), "city");
          assertThatThrownBy(reopened::open)
              .hasMessageContaining("at offset " + start + ":")
              .hasMessageContaining("expected seq " + (damaged + 1))
              .hasMessageContaining("(seq " + (damaged + 2) + ")");
          reopened.close();
          assertThat(Files.readAllBytes(file)).as("nothing cut").isEqualTo(before);
        });
  }

  private static void flip(Path file, long position, int mask) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.seek(position);
      int b = raf.read();
      raf.seek(position);
      raf.write(b ^ mask);
    }
  }

  interface Damage {
    void apply(Path file, List<Long> frameEnds) throws IOException;
  }

  private static void withJournal(Damage damage) throws IOException {
    Path dir = Files.createTempDirectory("journal-prop");
    try {
      JournalFile journal = new JournalFile(dir, "city");
      journal.open();
      List<Long> ends = new ArrayList<>();
      long end = 0;
      for (JournalEntry entry : entries(1, FRAMES)) {
        journal.append(List.of(entry), Frames.size(entry.payload()));
        end += Frames.size(entry.payload());
        ends.add(end);
      }
      journal.close();
      damage.apply(dir.resolve("city.log"), ends);
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void assertReopensWith(Path dir, long frames) throws IOException {
    JournalFile reopened = new JournalFile(dir, "city");
    reopened.open();
    try {
      assertThat(reopened.lastSeq()).isEqualTo(frames);
      assertThat(reopened.read(1, FRAMES)).isEqualTo(entries(1, (int) frames));
      reopened.append(
          entries(frames + 1, 1), Frames.size(JournalFixtures.entry(frames + 1).payload()));
      assertThat(reopened.lastSeq()).isEqualTo(frames + 1);
    } finally {
      reopened.close();
    }
  }
}
