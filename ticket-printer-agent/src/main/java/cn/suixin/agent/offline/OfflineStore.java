package cn.suixin.agent.offline;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
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
import java.util.List;

/** The offline issuer's state in one JSON file, replaced atomically and fsynced on every save. */
public final class OfflineStore {

  private final Path file;

  public OfflineStore(Path file) {
    this.file = file;
  }

  public OfflineState load() {
    if (!Files.exists(file)) {
      return OfflineState.EMPTY;
    }
    try {
      JsonObject j = new JsonObject(Files.readString(file, StandardCharsets.UTF_8));
      List<BlockUsage> blocks = new ArrayList<>();
      for (Object o : j.getJsonArray("blocks", new JsonArray())) {
        JsonObject b = (JsonObject) o;
        blocks.add(
            new BlockUsage(
                new OfflineBlock(
                    b.getString("id"),
                    b.getString("matter"),
                    b.getString("prefix"),
                    b.getInteger("from"),
                    b.getInteger("to"),
                    b.getString("businessDay")),
                b.getInteger("next")));
      }
      List<OfflineTicket> tickets = new ArrayList<>();
      for (Object o : j.getJsonArray("notHandedOver", new JsonArray())) {
        JsonObject t = (JsonObject) o;
        tickets.add(
            new OfflineTicket(
                t.getString("blockId"),
                t.getString("number"),
                t.getString("matter"),
                t.getString("issuedAt")));
      }
      return new OfflineState(blocks, tickets);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void save(OfflineState state) {
    JsonArray blocks = new JsonArray();
    for (BlockUsage u : state.blocks()) {
      OfflineBlock b = u.block();
      blocks.add(
          new JsonObject()
              .put("id", b.id())
              .put("matter", b.matter())
              .put("prefix", b.prefix())
              .put("from", b.from())
              .put("to", b.to())
              .put("businessDay", b.businessDay())
              .put("next", u.next()));
    }
    JsonArray tickets = new JsonArray();
    for (OfflineTicket t : state.notHandedOver()) {
      tickets.add(
          new JsonObject()
              .put("blockId", t.blockId())
              .put("number", t.number())
              .put("matter", t.matter())
              .put("issuedAt", t.issuedAt()));
    }
    byte[] bytes =
        new JsonObject()
            .put("blocks", blocks)
            .put("notHandedOver", tickets)
            .encodePrettily()
            .getBytes(StandardCharsets.UTF_8);
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (FileChannel ch =
          FileChannel.open(
              tmp,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE)) {
        ch.write(ByteBuffer.wrap(bytes));
        ch.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
