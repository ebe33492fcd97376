package cn.suixin.hall.store;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The embedded store, held to the store contract,")
class EmbeddedJournalStoreContractTest extends JournalStoreContract {

  @TempDir Path dir;

  @Override
  protected JournalStore open(Vertx vertx) {
    return new EmbeddedJournalStore(vertx, dir);
  }
}
