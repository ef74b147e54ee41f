package org.partnershipqa.engine.durable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Copies of an engine directory for backups: from a running engine ({@link
 * DurableEngine#backupTo(Path, Runnable)}), from a stopped one ({@link #copyStopped(Path, Path)}),
 * and back into an empty engine directory ({@link #restore(Path, Path)}).
 *
 * <p>A copy is itself an engine directory: {@code log.dat} (a prefix of whole blocks), {@code
 * state/snapshots/<position>/} (the committed snapshots the log continues from) and {@code
 * engine.properties} (the clock offset). An engine opened on it recovers exactly as after a crash
 * at the instant the copy stands for.
 */
public final class DurableBackup {

  /**
   * What a copy holds.
   *
   * @param logBytes length of the copied {@code log.dat}
   * @param logBlocks blocks in it
   * @param firstPosition lowest log position in it, or -1 for an empty log
   * @param lastPosition highest log position in it, or -1
   * @param snapshotPositions positions of the copied state snapshots, newest first
   * @param clockOffsetMillis the engine clock offset copied into {@code engine.properties}
   */
  public record Copy(
      long logBytes,
      int logBlocks,
      long firstPosition,
      long lastPosition,
      List<Long> snapshotPositions,
      long clockOffsetMillis) {}

  private DurableBackup() {}

  /** True while an engine (in this or another process) holds {@code engineDirectory}. */
  public static boolean inUse(final Path engineDirectory) {
    if (!Files.isDirectory(engineDirectory)) {
      return false;
    }
    try (DirectoryLock ignored = DirectoryLock.acquire(engineDirectory)) {
      return false;
    } catch (IllegalStateException e) {
      return true;
    }
  }

  /**
   * Copies the engine directory of a stopped engine into {@code target} (created; must not exist
   * or be empty). Holds the directory's lock meanwhile, so an engine cannot start on it during the
   * copy; refuses (with {@link IllegalStateException}) a directory an engine holds. A torn log
   * tail (after a crash) is cut from the copy exactly as the next start would cut it. {@code
   * atThatInstant} runs once the lock is held, before anything is copied.
   */
  public static Copy copyStopped(
      final Path engineDirectory, final Path target, final Runnable atThatInstant) {
    final Path log = engineDirectory.resolve(DurableEngineFactory.LOG_FILE);
    if (!Files.isRegularFile(log)) {
      throw new IllegalStateException("No engine log " + log + " to back up");
    }
    try (DirectoryLock ignored = DirectoryLock.acquire(engineDirectory)) {
      atThatInstant.run();
      Files.createDirectories(target);
      final Path logCopy = target.resolve(DurableEngineFactory.LOG_FILE);
      Files.copy(log, logCopy);
      final FileLogStorage.Extent extent;
      try (FileLogStorage copy = FileLogStorage.open(logCopy)) {
        extent =
            new FileLogStorage.Extent(
                copy.sizeBytes(), copy.firstPosition(), copy.lastPosition(), copy.blockCount());
      }
      try (Stream<Path> files = Files.list(target)) {
        for (Path torn : files.filter(f -> f.getFileName().toString().startsWith("log.dat.torn-")).toList()) {
          Files.delete(torn);
        }
      }
      force(logCopy);
      final List<StateStore.Snapshot> snapshots = new StateStore(engineDirectory, 0).snapshots();
      final EngineMetadata metadata = EngineMetadata.load(engineDirectory);
      return finish(extent, snapshots, metadata.clockOffsetMillis(), metadata.starts(), target);
    } catch (IOException e) {
      throw new UncheckedIOException("Copying engine directory " + engineDirectory + " failed", e);
    }
  }

  /**
   * Copies a running engine: the first {@code extent.bytes()} bytes of its log (whole blocks; the
   * caller keeps compaction from rewriting them meanwhile), its committed snapshots (the caller
   * keeps new ones from being taken and old ones from being deleted) and the clock offset.
   */
  static Copy copyRunning(
      final Path logFile,
      final FileLogStorage.Extent extent,
      final List<StateStore.Snapshot> snapshots,
      final long clockOffsetMillis,
      final long starts,
      final Path target) {
    try {
      Files.createDirectories(target);
      final Path logCopy = target.resolve(DurableEngineFactory.LOG_FILE);
      try (FileChannel in = FileChannel.open(logFile, StandardOpenOption.READ);
          FileChannel out =
              FileChannel.open(logCopy, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        long at = 0;
        while (at < extent.bytes()) {
          final long moved = in.transferTo(at, extent.bytes() - at, out);
          if (moved <= 0) {
            throw new IOException("Engine log " + logFile + " ended at byte " + at + ", expected " + extent.bytes());
          }
          at += moved;
        }
        out.force(true);
      }
      return finish(extent, snapshots, clockOffsetMillis, starts, target);
    } catch (IOException e) {
      throw new UncheckedIOException("Copying the engine log " + logFile + " failed", e);
    }
  }

  private static Copy finish(
      final FileLogStorage.Extent extent,
      final List<StateStore.Snapshot> snapshots,
      final long clockOffsetMillis,
      final long starts,
      final Path target)
      throws IOException {
    final Path snapshotsTarget = target.resolve(StateStore.STATE_DIR).resolve(StateStore.SNAPSHOTS_DIR);
    final List<Long> positions = new ArrayList<>();
    for (StateStore.Snapshot snapshot : snapshots) {
      if (extent.firstPosition() > snapshot.position() + 1) {
        continue; // the log no longer continues from it: the engine would not use it
      }
      copyTree(snapshot.directory(), snapshotsTarget.resolve(snapshot.directory().getFileName()));
      positions.add(snapshot.position());
    }
    if (Files.isDirectory(snapshotsTarget)) {
      DurableFiles.forceDirectory(snapshotsTarget);
      DurableFiles.forceDirectory(snapshotsTarget.getParent());
    }
    EngineMetadata.writeInto(target, clockOffsetMillis, starts);
    DurableFiles.forceDirectory(target);
    return new Copy(
        extent.bytes(),
        extent.blocks(),
        extent.firstPosition(),
        extent.lastPosition(),
        List.copyOf(positions),
        clockOffsetMillis);
  }

  /**
   * Puts the engine files of a backup ({@code from}, as written by a copy) into {@code
   * engineDirectory}, which must not exist or be empty; an engine started there next recovers the
   * backed-up state.
   */
  public static void restore(final Path from, final Path engineDirectory) {
    if (!Files.isRegularFile(from.resolve(DurableEngineFactory.LOG_FILE))) {
      throw new IllegalStateException("No engine log in " + from);
    }
    if (!isEmptyOrMissing(engineDirectory)) {
      throw new IllegalStateException("Engine directory " + engineDirectory + " is not empty");
    }
    try {
      copyTree(from, engineDirectory);
    } catch (IOException e) {
      throw new UncheckedIOException("Restoring the engine files into " + engineDirectory + " failed", e);
    }
  }

  static boolean isEmptyOrMissing(final Path directory) {
    if (!Files.exists(directory)) {
      return true;
    }
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.findAny().isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies a directory tree, fsyncing every file and directory. */
  private static void copyTree(final Path from, final Path to) throws IOException {
    final List<Path> directories = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path source : walk.toList()) {
        final Path copy = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(copy);
          directories.add(copy);
        } else {
          Files.copy(source, copy);
          force(copy);
        }
      }
    }
    directories.sort(Comparator.comparingInt(Path::getNameCount).reversed());
    directories.forEach(DurableFiles::forceDirectory);
  }

  private static void force(final Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }
}
