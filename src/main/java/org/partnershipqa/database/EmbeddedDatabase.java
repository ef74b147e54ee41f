package org.partnershipqa.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded PostgreSQL server over {@code <data-dir>/postgres}: started by the application when no external
 * database is configured, and by the backup and restore commands while the application is stopped.
 */
public final class EmbeddedDatabase {

  private EmbeddedDatabase() {}

  /** The PostgreSQL data directory of a data directory. */
  public static Path directoryIn(Path dataDirectory) {
    return dataDirectory.resolve("postgres").toAbsolutePath().normalize();
  }

  /**
   * Starts PostgreSQL on the data directory (creating the database cluster when the directory is new or empty);
   * port 0 picks a free port. Close the result to stop it.
   */
  public static EmbeddedPostgres start(Path dataDirectory, int port) throws IOException {
    Path directory = directoryIn(dataDirectory);
    Files.createDirectories(directory.getParent());
    return EmbeddedPostgres.builder()
        .setDataDirectory(directory)
        .setCleanDataDirectory(false)
        .setPort(port)
        .start();
  }
}
