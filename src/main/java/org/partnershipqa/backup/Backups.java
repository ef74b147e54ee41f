package org.partnershipqa.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.partnershipqa.engine.EmbeddedEngine;
import org.partnershipqa.engine.EngineBackup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;

/**
 * Backups of the running application: the database and the embedded engine as of one instant (see
 * {@link EmbeddedEngine#backupTo}), written into a new directory under {@code partnershipqa.backup.directory}.
 * In remote engine mode only the database is backed up; the Camunda cluster has its own backup.
 */
@Service
public class Backups {

  private static final Logger log = LoggerFactory.getLogger(Backups.class);

  private final DataSource dataSource;
  private final ObjectProvider<EmbeddedEngine> engine;
  private final BackupSettings settings;

  Backups(DataSource dataSource, ObjectProvider<EmbeddedEngine> engine, Environment environment) {
    this.dataSource = dataSource;
    this.engine = engine;
    this.settings = BackupSettings.from(environment);
  }

  /** What one backup holds, for the API and the Backups page. */
  public record Summary(String directory, Instant createdAt, String takenWhile, String application,
      String schemaVersion, Map<String, Long> tableRows, EngineBackup engine, int files, long bytes) {

    static Summary of(Path directory, Manifest m) {
      Map<String, Long> rows = new LinkedHashMap<>();
      m.database().tables().forEach(t -> rows.put(t.name(), t.rows()));
      return new Summary(directory.toString(), m.createdAt(), m.takenWhile(), m.application(),
          m.database().flywayVersion(), rows, m.engine(), m.files().size(), m.totalBytes());
    }
  }

  /** Backs up the running application now (one backup at a time). */
  public synchronized Summary backUpNow() {
    Path target = settings.newBackupDirectory(Instant.now());
    EmbeddedEngine embedded = settings.embeddedEngine() ? engine.getIfAvailable() : null;
    Manifest manifest = BackupWriter.write(target, "running", dataSource, settings.historyTable(),
        embedded == null ? null : embedded::backupTo);
    log.info("Backup written to {}: {} files, {} bytes, as of {}", target, manifest.files().size(),
        manifest.totalBytes(), manifest.createdAt());
    return Summary.of(target, manifest);
  }

  /** The complete backups in the backup directory, newest first (their files are not re-checked here). */
  public List<Summary> list() {
    Path directory = settings.backupDirectory();
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    List<Summary> found = new ArrayList<>();
    try (Stream<Path> entries = Files.list(directory)) {
      for (Path entry : entries.filter(e -> Files.isRegularFile(e.resolve(Manifest.FILE_NAME))).toList()) {
        try {
          found.add(Summary.of(entry, Manifest.read(entry)));
        } catch (BackupException e) {
          log.warn("Skipping {}: {}", entry, e.getMessage());
        }
      }
    } catch (IOException e) {
      throw new BackupException("Cannot list " + directory + ": " + e.getMessage(), e);
    }
    found.sort(Comparator.comparing(Summary::createdAt).reversed());
    return found;
  }

  public Path backupDirectory() {
    return settings.backupDirectory();
  }
}
