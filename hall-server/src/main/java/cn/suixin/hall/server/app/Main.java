package cn.suixin.hall.server.app;

import java.time.Clock;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar hall-server.jar [--config DIR] [--data DIR] [--port N] [--demo]} serves every
 * hall; {@code users add ...} and {@code devices add ...} administer the same data folder, with the
 * server stopped or running.
 */
public final class Main {
  private Main() {}

  public static void main(String[] argv) {
    // Logging takes a cold JVM about 150-200 ms to set up; it happens beside reading the arguments
    // and the configuration instead of before them. SLF4J hands out stand-in loggers meanwhile and
    // replays what they were given once logging is ready.
    Thread logging = new Thread(LoggerFactory::getILoggerFactory, "logging-setup");
    logging.setDaemon(true);
    logging.start();
    System.exit(run(argv, System.getenv()));
  }

  static int run(String[] argv, Map<String, String> env) {
    try {
      Args args = new Args(argv);
      if (args.flag("--help")) {
        System.out.println(Usage.TEXT);
        return 0;
      }
      if (args.words().isEmpty() || args.words().equals(java.util.List.of("serve"))) {
        serve(ServerOptions.parse(args, env));
        return 0;
      }
      return new AdminCommands(ServerOptions.parse(args, env), args).run();
    } catch (UsageException e) {
      System.err.println("error: " + e.getMessage());
      System.err.println(Usage.TEXT);
      return 2;
    } catch (cn.suixin.hall.config.ConfigException e) {
      System.err.println(e.getMessage());
      return 3;
    }
  }

  private static void serve(ServerOptions options) {
    HallServer server;
    try {
      server =
          HallServer.start(options, Clock.systemUTC())
              .toCompletionStage()
              .toCompletableFuture()
              .get();
    } catch (Exception e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      if (cause instanceof cn.suixin.hall.config.ConfigException c) {
        throw c;
      }
      System.err.println("cannot start: " + cause);
      System.exit(1);
      return;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    server
                        .stop()
                        .toCompletionStage()
                        .toCompletableFuture()
                        .get(10, java.util.concurrent.TimeUnit.SECONDS);
                  } catch (Exception e) {
                    // the process is ending anyway; the journal is already durable
                  }
                },
                "hall-server-shutdown"));
    if (options.demo()) {
      DemoSetup.run(server, options);
    }
    System.out.println("Suixin Hall is serving on http://localhost:" + server.port() + "/city");
    try {
      Thread.currentThread().join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
