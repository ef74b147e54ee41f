package org.partnershipqa.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.partnershipqa.backup.Manifest.DatabasePart;
import org.partnershipqa.backup.Manifest.FileEntry;
import org.partnershipqa.engine.EngineBackup;

/**
 * Writes one backup directory: {@code database/} (a file per table), {@code engine/} (the embedded engine's
 * files) and {@code manifest.json}. The database's snapshot is fixed at the instant the engine's copy stands for,
 * so the backup is what a crash at that instant would have left. Everything is written under
 * {@code <target>.partial} and renamed to {@code <target>} once complete and on disk.
 */
final class BackupWriter {

  /** Copies the engine as of one instant, running the given action at that instant. */
  interface EngineCopy {
    EngineBackup copy(Path target, Runnable atThatInstant);
  }

  private BackupWriter() {}

  static Path staging(Path target) {
    return target.resolveSibling(target.getFileName() + ".partial");
  }

  /**
   * @param engine how to copy the engine, or null when it runs remotely (only the database is backed up)
   */
  static Manifest write(Path target, String takenWhile, DataSource database, String historyTable,
      EngineCopy engine) {
    if (Files.exists(target)) {
      throw new BackupException("The backup directory " + target + " already exists; choose a new one");
    }
    Path staging = staging(target);
    try {
      deleteRecursively(staging); // left over from a backup that was interrupted
      Files.createDirectories(staging);
      Instant[] at = new Instant[1];
      EngineBackup engineBackup = null;
      DatabasePart databasePart;
      try (Connection connection = database.getConnection()) {
        DatabaseExport export = DatabaseExport.begin(connection, historyTable);
        if (engine != null) {
          engineBackup = engine.copy(staging.resolve(Manifest.ENGINE_DIR), () -> at[0] = export.fixSnapshot());
        } else {
          at[0] = export.fixSnapshot();
        }
        databasePart = export.export(staging.resolve(Manifest.DATABASE_DIR));
      }
      Manifest manifest = new Manifest(Manifest.FORMAT, application(), at[0], takenWhile, databasePart,
          engineBackup, checksums(staging));
      Path manifestFile = staging.resolve(Manifest.FILE_NAME);
      Files.write(manifestFile, manifest.toJson(), StandardOpenOption.CREATE_NEW);
      force(manifestFile);
      forceDirectory(staging);
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      forceDirectory(target.getParent());
      return manifest;
    } catch (IOException | SQLException | RuntimeException e) {
      try {
        deleteRecursively(staging);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      if (e instanceof BackupException b) {
        throw b;
      }
      throw new BackupException("The backup into " + target + " failed: " + e.getMessage(), e);
    }
  }

  static String application() {
    String version = BackupWriter.class.getPackage().getImplementationVersion();
    return "partnership-qa " + (version == null ? "(development build)" : version);
  }

  /** Every file under {@code directory} (but the manifest), by relative path, with size and SHA-256. */
  static List<FileEntry> checksums(Path directory) throws IOException {
    List<FileEntry> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(directory)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        String path = relative(directory, file);
        if (!path.equals(Manifest.FILE_NAME)) {
          files.add(new FileEntry(path, Files.size(file), sha256(file)));
        }
      }
    }
    return files;
  }

  static String relative(Path directory, Path file) {
    List<String> parts = new ArrayList<>();
    directory.relativize(file).forEach(p -> parts.add(p.toString()));
    return String.join("/", parts);
  }

  static String sha256(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  static void force(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  static void forceDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // not every platform can open a directory; the rename is durable enough there
    }
  }

  static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
