package cn.suixin.hall.store;

import java.util.Random;

/**
 * Snapshots of random bytes, seeded by their seq and size, so a misplaced chunk of an image shows.
 */
public final class SnapshotFixtures {

  private SnapshotFixtures() {}

  /** The same bytes every time for the same seq and size. */
  public static HallSnapshot snapshot(long seq, int imageBytes) {
    byte[] image = new byte[imageBytes];
    new Random(seq * 31 + imageBytes).nextBytes(image);
    return new HallSnapshot(seq, image);
  }
}
