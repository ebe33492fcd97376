package cn.suixin.agent.outbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Messages waiting for the server's ack, one file each under a directory, named so that listing
 * them gives the order they were written in. A file is fsynced before {@link #put} returns, so a
 * rating the pad was told is stored really is; it is deleted only on {@link #remove}. It blocks on
 * the disk, so it belongs to the agent's worker context.
 */
public final class Outbox {

  private static final Pattern NAME = Pattern.compile("(\\d{12})-([A-Za-z0-9._-]+)\\.json");

  private final Path dir;
  private final Map<String, Path> files = new LinkedHashMap<>();
  private long counter;

  public Outbox(Path dir) {
    this.dir = dir;
    try {
      Files.createDirectories(dir);
      try (Stream<Path> s = Files.list(dir)) {
        s.map(Path::getFileName).map(Path::toString).sorted().forEach(this::adopt);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void put(OutboxMessage m) {
    if (!m.id().matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException("outbox id must be file-name safe: " + m.id());
    }
    if (files.containsKey(m.id())) {
      return;
    }
    String name = String.format("%012d-%s.json", ++counter, m.id());
    Path tmp = dir.resolve(name + ".tmp");
    Path target = dir.resolve(name);
    try {
      try (FileChannel ch =
          FileChannel.open(
              tmp,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE)) {
        ch.write(ByteBuffer.wrap(m.json().getBytes(StandardCharsets.UTF_8)));
        ch.force(true);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    files.put(m.id(), target);
  }

  /** The server has it: forget it. Unknown ids are ignored, since acks can repeat. */
  public boolean remove(String id) {
    Path p = files.remove(id);
    if (p == null) {
      return false;
    }
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return true;
  }

  /** Everything not yet acknowledged, oldest first. */
  public List<OutboxMessage> pending() {
    List<OutboxMessage> out = new ArrayList<>();
    for (Map.Entry<String, Path> e : files.entrySet()) {
      try {
        out.add(
            new OutboxMessage(e.getKey(), Files.readString(e.getValue(), StandardCharsets.UTF_8)));
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
    }
    return out;
  }

  public int size() {
    return files.size();
  }

  private void adopt(String fileName) {
    Matcher m = NAME.matcher(fileName);
    if (m.matches()) {
      files.put(m.group(2), dir.resolve(fileName));
      counter = Math.max(counter, Long.parseLong(m.group(1)));
    } else if (fileName.endsWith(".tmp")) {
      // a put that crashed before its rename was never reported as stored
      dir.resolve(fileName).toFile().delete();
    }
  }
}
