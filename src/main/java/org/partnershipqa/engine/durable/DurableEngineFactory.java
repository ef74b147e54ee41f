package org.partnershipqa.engine.durable;

import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.logstreams.log.LogStreamReader;
import io.camunda.zeebe.process.test.engine.DurableEngineWiring;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.camunda.zeebe.scheduler.clock.ControlledActorClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates a {@link DurableEngine} over a directory holding {@code log.dat} (the engine's log),
 * {@code state/} (state snapshots and the working copy), {@code engine.properties} (clock offset,
 * start count) and {@code engine.lock}.
 */
public final class DurableEngineFactory {

  static final String LOG_FILE = "log.dat";

  private static final Logger LOG = LoggerFactory.getLogger(DurableEngineFactory.class);

  private DurableEngineFactory() {}

  /** Opens (or creates) the engine with {@link DurableEngineOptions#defaults()}. */
  public static DurableEngine create(final int port, final Path directory) {
    return create(port, directory, DurableEngineOptions.defaults());
  }

  /** Opens (or creates) the engine in {@code directory}; call {@link DurableEngine#start()} next. */
  public static DurableEngine create(
      final int port, final Path directory, final DurableEngineOptions options) {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create engine directory " + directory, e);
    }
    final DirectoryLock lock = DirectoryLock.acquire(directory);
    FileLogStorage storage = null;
    ZeebeDb<ZbColumnFamilies> db = null;
    DurableEngineWiring.Parts wired = null;
    try {
      final EngineMetadata metadata = EngineMetadata.load(directory);
      final long start = metadata.recordStart();
      storage = FileLogStorage.open(directory.resolve(LOG_FILE));
      final StateStore stateStore = new StateStore(directory, options.stateMemoryLimitBytes());
      final StateStore.Snapshot[] used = new StateStore.Snapshot[1];
      db = openState(stateStore, storage, used);

      final ControlledActorClock clock = new ControlledActorClock();
      // request ids of this run start at start << 32; those of earlier runs are all below
      final DurableEngineWiring.Parts parts =
          DurableEngineWiring.wire(port, storage, clock, start << 32, db);
      wired = parts;

      final long offset = clockOffsetNotBehindLog(metadata, parts, storage);
      clock.addTime(Duration.ofMillis(offset));
      clock.update();

      LOG.info(
          "Engine directory {} opened (start #{}): log positions {}..{} in {} blocks, {} bytes; state {}; clock offset {} ms{}",
          directory,
          start,
          storage.firstPosition(),
          storage.lastPosition(),
          storage.blockCount(),
          storage.sizeBytes(),
          used[0] == null ? "empty" : "from snapshot at position " + used[0].position(),
          offset,
          storage.recovery().truncatedBytes() > 0
              ? ", torn tail of " + storage.recovery().truncatedBytes() + " bytes cut"
              : "");
      return new DurableEngine(
          directory,
          port,
          parts,
          storage,
          stateStore,
          used[0] == null ? -1 : used[0].position(),
          clock,
          metadata,
          lock,
          options);
    } catch (RuntimeException e) {
      if (wired != null) {
        wired.scheduler().stop();
      }
      if (db != null) {
        try {
          db.close();
        } catch (Exception suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      if (storage != null) {
        storage.close();
      }
      lock.close();
      throw e;
    }
  }

  /**
   * Opens the newest snapshot the log can continue from (the log must hold every position after
   * it), falling back to older ones; without one the log must start at position 1.
   */
  private static ZeebeDb<ZbColumnFamilies> openState(
      final StateStore stateStore, final FileLogStorage storage, final StateStore.Snapshot[] used) {
    final long firstPosition = storage.firstPosition();
    final List<StateStore.Snapshot> snapshots = stateStore.snapshots();
    for (StateStore.Snapshot snapshot : snapshots) {
      if (firstPosition > snapshot.position() + 1) {
        LOG.warn(
            "Snapshot {} is older than the log (which starts at position {}); not usable",
            snapshot.directory(),
            firstPosition);
        continue;
      }
      try {
        final ZeebeDb<ZbColumnFamilies> db = stateStore.openRuntime(Optional.of(snapshot));
        used[0] = snapshot;
        return db;
      } catch (RuntimeException e) {
        LOG.error("Snapshot {} cannot be opened; trying an older one", snapshot.directory(), e);
      }
    }
    if (firstPosition > 1) {
      throw new IllegalStateException(
          "The engine log starts at position "
              + firstPosition
              + " (compacted) but no usable state snapshot covers the positions before it ("
              + snapshots.size()
              + " snapshots found); refusing to start with an incomplete state");
    }
    return stateStore.openRuntime(Optional.empty());
  }

  /**
   * The persisted offset, raised if needed so that engine time (system time + offset) is not
   * before the newest record in the log: e.g. after the system clock was set back, or a crash
   * between an {@code increaseTime} and storing its offset.
   */
  private static long clockOffsetNotBehindLog(
      final EngineMetadata metadata,
      final DurableEngineWiring.Parts parts,
      final FileLogStorage storage) {
    final long offset = metadata.clockOffsetMillis();
    final long lastBlock = storage.lastBlockLowestPosition();
    if (lastBlock < 0) {
      return offset;
    }
    long newest = -1;
    try (LogStreamReader reader = parts.logStream().newLogStreamReader()) {
      reader.seek(lastBlock);
      while (reader.hasNext()) {
        newest = Math.max(newest, reader.next().getTimestamp());
      }
    }
    final long engineNow = System.currentTimeMillis() + offset;
    if (newest <= engineNow) {
      return offset;
    }
    final long raised = offset + (newest - engineNow);
    LOG.warn(
        "Engine clock would be {} ms behind the newest log record; raising the clock offset from {} to {} ms",
        newest - engineNow,
        offset,
        raised);
    metadata.setClockOffsetMillis(raised);
    return raised;
  }
}
