package org.partnershipqa.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.partnershipqa.engine.EngineBackup;

/**
 * {@code manifest.json}, written last into a backup directory: what the backup holds and the SHA-256 of every
 * other file in it. A directory without it is not a (complete) backup.
 *
 * @param format manifest format, {@value #FORMAT}
 * @param application the application's name and version that took the backup
 * @param createdAt the instant the backup stands for (the database's clock when its snapshot was fixed)
 * @param takenWhile {@code running} (taken by the running application) or {@code stopped} (by the command)
 * @param database the database part
 * @param engine the embedded engine's files, or null when the engine ran remotely (Camunda cluster)
 * @param files every file of the backup but this one, with its size and SHA-256
 */
record Manifest(int format, String application, Instant createdAt, String takenWhile, DatabasePart database,
    EngineBackup engine, List<FileEntry> files) {

  static final int FORMAT = 1;
  static final String FILE_NAME = "manifest.json";
  static final String DATABASE_DIR = "database";
  static final String ENGINE_DIR = "engine";

  /**
   * The database as of one snapshot.
   *
   * @param flywayVersion the schema version (Flyway) the tables are in
   * @param serverVersion PostgreSQL's version
   * @param tables every table of the application's schema (Flyway's history excepted), in file order
   * @param sequences the schema's sequences and their values
   */
  record DatabasePart(String flywayVersion, String serverVersion, List<TableEntry> tables,
      List<SequenceEntry> sequences) {}

  /** One table: its columns in file order, its row count and its PostgreSQL text COPY file. */
  record TableEntry(String name, List<String> columns, long rows, String file) {}

  /** A sequence's value (null when it was never used). */
  record SequenceEntry(String name, Long lastValue) {}

  /** A file of the backup, by path relative to the backup directory. */
  record FileEntry(String path, long bytes, String sha256) {}

  static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT).build();

  static Manifest read(Path backup) {
    Path file = backup.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      throw new BackupException(backup + " is not a complete backup: it has no " + FILE_NAME);
    }
    try {
      Manifest manifest = JSON.readValue(file.toFile(), Manifest.class);
      if (manifest.format() != FORMAT) {
        throw new BackupException(file + " has format " + manifest.format() + "; this version reads format " + FORMAT);
      }
      return manifest;
    } catch (IOException e) {
      throw new BackupException(file + " cannot be read: " + e.getMessage(), e);
    }
  }

  byte[] toJson() {
    try {
      return JSON.writeValueAsBytes(this);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  long totalBytes() {
    return files.stream().mapToLong(FileEntry::bytes).sum();
  }
}
