package cn.suixin.hall.server.cluster;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.zip.CRC32C;

/**
 * Which node owns a hall: rendezvous hashing over the live members, so every node reaches the same
 * answer from the same member list, and a departed node's halls spread over the others.
 */
public final class HallPlacement {
  private HallPlacement() {}

  public static String owner(String hall, Collection<String> nodes) {
    String best = null;
    long bestScore = Long.MIN_VALUE;
    for (String node : nodes) {
      long score = score(hall, node);
      if (score > bestScore || score == bestScore && node.compareTo(best) < 0) {
        best = node;
        bestScore = score;
      }
    }
    return best;
  }

  private static long score(String hall, String node) {
    CRC32C crc = new CRC32C();
    crc.update((hall + "\u0000" + node).getBytes(StandardCharsets.UTF_8));
    long h = crc.getValue();
    // spread the 32-bit checksum (a splitmix64 finaliser) so near-equal names do not cluster
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }
}
