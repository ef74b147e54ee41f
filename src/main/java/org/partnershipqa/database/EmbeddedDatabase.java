package org.partnershipqa.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL server over {@code <data-dir>/postgres}: started by the application when no external
 * database is configured, and by the backup and restore commands while the application is stopped. Start-up first
 * clears what an earlier run that was killed left there ({@link LeftoverServer}).
 */
public final class EmbeddedDatabase {

  /** How long a leftover server of a killed run may take to stop cleanly before it is killed. */
  static final Duration LEFTOVER_STOP_WAIT = Duration.ofSeconds(30);

  /** How long start-up waits for the server to accept connections; crash recovery may replay a lot of log. */
  static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

  private EmbeddedDatabase() {}

  /** The PostgreSQL data directory of a data directory. */
  public static Path directoryIn(Path dataDirectory) {
    return dataDirectory.resolve("postgres").toAbsolutePath().normalize();
  }

  /**
   * Starts PostgreSQL on the data directory (creating the database cluster when the directory is new or empty);
   * port 0 picks a free port. Close the result to stop it; should the JVM end first (a command stopped with
   * Ctrl-C), a shutdown hook stops it.
   */
  public static EmbeddedPostgres start(Path dataDirectory, int port) throws IOException {
    return startOn(directoryIn(dataDirectory), port, true);
  }

  /**
   * Starts PostgreSQL for the application, whose context stops it: after everything that uses the database (the
   * event publication registry, the connection pool) has closed. A shutdown hook of its own would stop it beside
   * the context's shutdown, under those users' feet.
   */
  static EmbeddedPostgres startForApplication(Path dataDirectory, int port) throws IOException {
    return startOn(directoryIn(dataDirectory), port, false);
  }

  /** Starts PostgreSQL on a PostgreSQL data directory itself. */
  static EmbeddedPostgres startOn(Path directory, int port) throws IOException {
    return startOn(directory, port, true);
  }

  private static EmbeddedPostgres startOn(Path directory, int port, boolean stopAtJvmExit) throws IOException {
    Files.createDirectories(directory.getParent());
    if (Files.isDirectory(directory)) {
      new LeftoverServer(directory, LEFTOVER_STOP_WAIT).clear();
    }
    EmbeddedPostgres postgres = EmbeddedPostgres.builder()
        .setDataDirectory(directory)
        .setCleanDataDirectory(false)
        .setPort(port)
        .setPGStartupWait(STARTUP_WAIT)
        .setRegisterShutdownHook(stopAtJvmExit)
        // the library turns both off for throw-away test databases; this one keeps the partnership's records:
        // a commit is on disk before it is acknowledged, and a power cut cannot corrupt the database
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on")
        .start();
    log.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), directory);
    return postgres;
  }
}
