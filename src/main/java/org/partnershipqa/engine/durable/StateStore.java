package org.partnershipqa.engine.durable;

import io.camunda.zeebe.db.AccessMetricsConfiguration;
import io.camunda.zeebe.db.ConsistencyChecksSettings;
import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.db.impl.rocksdb.RocksDbConfiguration;
import io.camunda.zeebe.db.impl.rocksdb.ZeebeRocksDbFactory;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's state: Zeebe's RocksDB-backed {@link ZeebeDb}, as in a broker, under {@code state/}.
 *
 * <ul>
 *   <li>{@code state/runtime}: the working copy. It is thrown away on every start: RocksDB runs
 *       without its write-ahead log, so after a crash its files are not a consistent state.
 *   <li>{@code state/snapshots/<position>}: RocksDB checkpoints of the state after the command at
 *       {@code position} (at least) was processed, each with a {@code snapshot.properties} marker.
 *       A snapshot directory is built under a {@code .pending-} name, fsynced, and renamed into
 *       place; only renamed directories with a marker count.
 * </ul>
 *
 * On start the newest snapshot is copied into the runtime directory and the stream processor
 * replays only the log after its position.
 */
final class StateStore {

  static final String STATE_DIR = "state";
  static final String RUNTIME_DIR = "runtime";
  static final String SNAPSHOTS_DIR = "snapshots";
  static final String MARKER = "snapshot.properties";
  private static final String PENDING_PREFIX = ".pending-";

  private static final Logger LOG = LoggerFactory.getLogger(StateStore.class);

  /** A committed snapshot. */
  record Snapshot(Path directory, long position) {}

  private final Path runtime;
  private final Path snapshots;
  private final long memoryLimitBytes;

  StateStore(final Path directory, final long memoryLimitBytes) {
    runtime = directory.resolve(STATE_DIR).resolve(RUNTIME_DIR);
    snapshots = directory.resolve(STATE_DIR).resolve(SNAPSHOTS_DIR);
    this.memoryLimitBytes = memoryLimitBytes;
  }

  /** Committed snapshots, newest first. */
  List<Snapshot> snapshots() {
    if (!Files.isDirectory(snapshots)) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(snapshots)) {
      return dirs.filter(d -> !d.getFileName().toString().startsWith("."))
          .filter(d -> Files.isRegularFile(d.resolve(MARKER)))
          .map(d -> new Snapshot(d, readPosition(d.resolve(MARKER))))
          .sorted(Comparator.comparingLong(Snapshot::position).reversed())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list snapshots in " + snapshots, e);
    }
  }

  private static long readPosition(final Path marker) {
    try {
      final Properties properties = new Properties();
      properties.load(new StringReader(Files.readString(marker, StandardCharsets.UTF_8)));
      return Long.parseLong(properties.getProperty("position"));
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("Unreadable snapshot marker " + marker, e);
    }
  }

  /**
   * When the committed snapshot at {@code position} was taken (its marker), if there is one and it
   * can be read (it may be pruned meanwhile).
   */
  Optional<java.time.Instant> createdAt(final long position) {
    try {
      for (Snapshot snapshot : snapshots()) {
        if (snapshot.position() == position) {
          final Path marker = snapshot.directory().resolve(MARKER);
          final Properties properties = new Properties();
          properties.load(new StringReader(Files.readString(marker, StandardCharsets.UTF_8)));
          final String created = properties.getProperty("created");
          return Optional.of(
              created != null
                  ? java.time.Instant.parse(created)
                  : Files.getLastModifiedTime(marker).toInstant());
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("Cannot read when snapshot {} was taken", position, e);
    }
    return Optional.empty();
  }

  /**
   * Deletes the old working copy and opens the state: a copy of {@code snapshot}, or empty.
   */
  ZeebeDb<ZbColumnFamilies> openRuntime(final Optional<Snapshot> snapshot) {
    try {
      deleteRecursively(runtime);
      deletePending();
      if (snapshot.isPresent()) {
        copyDirectory(snapshot.get().directory(), runtime);
      } else {
        Files.createDirectories(runtime);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare engine state directory " + runtime, e);
    }
    final RocksDbConfiguration config =
        new RocksDbConfiguration()
            .setMemoryLimit(memoryLimitBytes)
            .setMemoryAllocationStrategy(RocksDbConfiguration.MemoryAllocationStrategy.PARTITION);
    return new ZeebeRocksDbFactory<ZbColumnFamilies>(
            config,
            new ConsistencyChecksSettings(),
            new AccessMetricsConfiguration(AccessMetricsConfiguration.Kind.NONE, 1),
            SimpleMeterRegistry::new)
        .createDb(runtime.toFile());
  }

  /**
   * Checkpoints {@code db} (while the engine keeps processing, as a broker does) as a snapshot at
   * {@code position}, a lower bound of the last processed position it contains.
   */
  Snapshot take(final ZeebeDb<ZbColumnFamilies> db, final long position) {
    final Path pending = snapshots.resolve(PENDING_PREFIX + System.nanoTime());
    final Path target = snapshots.resolve(String.format("%020d", position));
    try {
      Files.createDirectories(snapshots);
      db.createSnapshot(pending.toFile());
      final String marker =
          "# Partnership QA engine state snapshot\nposition=" + position
              + "\ncreated=" + java.time.Instant.now() + "\n";
      Files.writeString(pending.resolve(MARKER), marker, StandardCharsets.UTF_8);
      try (Stream<Path> files = Files.list(pending)) {
        for (Path file : files.toList()) {
          try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.force(true);
          }
        }
      }
      DurableFiles.forceDirectory(pending);
      if (Files.exists(target)) {
        deleteRecursively(target);
      }
      Files.move(pending, target, StandardCopyOption.ATOMIC_MOVE);
      DurableFiles.forceDirectory(snapshots);
      return new Snapshot(target, position);
    } catch (IOException | RuntimeException e) {
      try {
        deleteRecursively(pending);
      } catch (IOException ignored) {
        // deleted on the next start
      }
      throw new IllegalStateException("Taking an engine state snapshot at " + position + " failed", e);
    }
  }

  /**
   * Keeps the {@code keep} newest snapshots and deletes the rest.
   *
   * @return the position of the oldest snapshot kept: the log is needed from there on
   */
  long prune(final int keep) {
    final List<Snapshot> all = snapshots();
    for (Snapshot old : all.subList(Math.min(keep, all.size()), all.size())) {
      try {
        deleteRecursively(old.directory());
      } catch (IOException e) {
        LOG.warn("Cannot delete old snapshot {}", old.directory(), e);
      }
    }
    DurableFiles.forceDirectory(snapshots);
    final List<Snapshot> kept = all.subList(0, Math.min(keep, all.size()));
    return kept.isEmpty() ? -1 : kept.get(kept.size() - 1).position();
  }

  private void deletePending() throws IOException {
    if (!Files.isDirectory(snapshots)) {
      return;
    }
    try (Stream<Path> dirs = Files.list(snapshots)) {
      for (Path d : dirs.filter(d -> d.getFileName().toString().startsWith(PENDING_PREFIX)).toList()) {
        deleteRecursively(d);
      }
    }
  }

  private static void copyDirectory(final Path from, final Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.toList()) {
        if (!file.getFileName().toString().equals(MARKER)) {
          Files.copy(file, to.resolve(file.getFileName()));
        }
      }
    }
  }

  static void deleteRecursively(final Path path) throws IOException {
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
