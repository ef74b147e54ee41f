package org.partnershipqa.backup;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.partnershipqa.database.EmbeddedDatabase;
import org.partnershipqa.engine.EngineFiles;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Restores a backup into an empty data directory (and, with an external database, an empty database schema) while
 * the application is stopped. The backup is verified first. The embedded database and the engine files are built
 * under {@code <data-dir>/.restoring} and moved into place only when both are complete, so a failed restore
 * leaves the data directory as it was. The next start of the application applies newer database migrations and
 * the engine replays its log, as after a crash at the instant the backup stands for.
 */
final class Restorer {

  static final String STAGING = ".restoring";

  private Restorer() {}

  static Manifest restore(Path backup, BackupSettings settings, Consumer<String> progress) {
    Manifest manifest = BackupVerifier.verify(backup);
    progress.accept("Backup " + backup + " verified: " + manifest.files().size() + " files, checksums match.");
    Path data = settings.dataDirectory();
    if (settings.embeddedEngine() && manifest.engine() == null) {
      throw new BackupException("This backup holds no engine files: it was taken with the engine in a Camunda "
          + "cluster (partnershipqa.engine.mode=remote), but this application is configured for the embedded "
          + "engine. Restore it with PARTNERSHIPQA_ENGINE_MODE=remote, together with the cluster's own backup.");
    }
    if (settings.embeddedEngine() && EngineFiles.inUse(data)) {
      throw new BackupException(running(data));
    }
    List<String> occupied = new ArrayList<>();
    Path postgres = EmbeddedDatabase.directoryIn(data);
    Path engine = EngineFiles.directoryIn(data);
    if (settings.embeddedDatabase() && !isEmptyOrMissing(postgres)) {
      occupied.add(postgres.toString());
    }
    if (settings.embeddedEngine() && !isEmptyOrMissing(engine)) {
      occupied.add(engine.toString());
    }
    if (!occupied.isEmpty()) {
      throw new BackupException("The data directory " + data + " already holds data (" + String.join(", ", occupied)
          + "). A restore only goes into an empty data directory: stop the application, move " + data
          + " aside (keep it until the restored system is checked) and run the restore again.");
    }
    Path staging = data.resolve(STAGING);
    try {
      BackupWriter.deleteRecursively(staging); // left over from a restore that was interrupted
      Files.createDirectories(staging);
      if (settings.embeddedDatabase()) {
        try (EmbeddedPostgres server = EmbeddedDatabase.start(staging, 0)) {
          restoreDatabase(new DatabaseRestore(server.getPostgresDatabase(), settings.flywayLocations(),
              settings.historyTable()), backup, manifest, progress);
        }
      } else {
        restoreDatabase(new DatabaseRestore(new DriverManagerDataSource(settings.datasourceUrl(),
            settings.datasourceUsername(), settings.datasourcePassword()), settings.flywayLocations(),
            settings.historyTable()), backup, manifest, progress);
      }
      if (manifest.engine() != null && settings.embeddedEngine()) {
        EngineFiles.restore(backup.resolve(Manifest.ENGINE_DIR), staging);
        progress.accept("Engine files restored: log of " + manifest.engine().logBytes() + " bytes up to position "
            + manifest.engine().lastPosition() + ", snapshots " + manifest.engine().snapshotPositions() + ".");
      } else if (manifest.engine() != null) {
        progress.accept("The backup's engine files were NOT restored: this application uses a Camunda cluster "
            + "(partnershipqa.engine.mode=remote). Restore the cluster from its own backup.");
      }
      if (settings.embeddedDatabase()) {
        moveInto(EmbeddedDatabase.directoryIn(staging), postgres);
      }
      if (manifest.engine() != null && settings.embeddedEngine()) {
        moveInto(EngineFiles.directoryIn(staging), engine);
      }
      BackupWriter.deleteRecursively(staging);
      BackupWriter.forceDirectory(data);
      return manifest;
    } catch (IOException | SQLException | RuntimeException e) {
      try {
        BackupWriter.deleteRecursively(staging);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      if (e instanceof BackupException b) {
        throw b;
      }
      throw new BackupException("The restore into " + data + " failed: " + e.getMessage(), e);
    }
  }

  private static void restoreDatabase(DatabaseRestore restore, Path backup, Manifest manifest,
      Consumer<String> progress) throws SQLException, IOException {
    restore.checkEmpty();
    restore.restore(backup, manifest.database());
    long rows = manifest.database().tables().stream().mapToLong(Manifest.TableEntry::rows).sum();
    progress.accept("Database restored at schema version " + manifest.database().flywayVersion() + ": "
        + manifest.database().tables().size() + " tables, " + rows + " rows (row counts match the backup).");
  }

  static String running(Path data) {
    return "The data directory " + data + " is in use by a running Partnership QA application (its engine "
        + "directory is locked). Stop the application first, or back up the running application from the "
        + "Backups page or with POST /api/admin/backups.";
  }

  private static void moveInto(Path from, Path to) throws IOException {
    if (Files.isDirectory(to)) {
      Files.delete(to); // empty, checked above
    }
    Files.createDirectories(to.getParent());
    Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
  }

  static boolean isEmptyOrMissing(Path directory) {
    if (!Files.exists(directory)) {
      return true;
    }
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.findAny().isEmpty();
    } catch (IOException e) {
      throw new BackupException("Cannot read " + directory + ": " + e.getMessage(), e);
    }
  }
}
