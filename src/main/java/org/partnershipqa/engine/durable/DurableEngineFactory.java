package org.partnershipqa.engine.durable;

import io.camunda.zeebe.logstreams.log.LogStreamReader;
import io.camunda.zeebe.process.test.engine.DurableEngineWiring;
import io.camunda.zeebe.scheduler.clock.ControlledActorClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates a {@link DurableEngine} over a directory holding {@code log.dat} (the engine's log),
 * {@code engine.properties} (clock offset, start count) and {@code engine.lock}.
 */
public final class DurableEngineFactory {

  static final String LOG_FILE = "log.dat";
  static final Duration DEFAULT_REPLAY_TIMEOUT = Duration.ofMinutes(30);
  static final long DEFAULT_STATE_MEMORY_LIMIT = 64L * 1024 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(DurableEngineFactory.class);

  private DurableEngineFactory() {}

  /** Opens (or creates) the engine in {@code directory}; call {@link DurableEngine#start()} next. */
  public static DurableEngine create(final int port, final Path directory) {
    return create(port, directory, DEFAULT_REPLAY_TIMEOUT);
  }

  public static DurableEngine create(
      final int port, final Path directory, final Duration replayTimeout) {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create engine directory " + directory, e);
    }
    final DirectoryLock lock = DirectoryLock.acquire(directory);
    FileLogStorage storage = null;
    try {
      final EngineMetadata metadata = EngineMetadata.load(directory);
      final long start = metadata.recordStart();
      storage = FileLogStorage.open(directory.resolve(LOG_FILE));

      final ControlledActorClock clock = new ControlledActorClock();
      // request ids of this run start at start << 32; those of earlier runs are all below
      final DurableEngineWiring.Parts parts =
          DurableEngineWiring.wire(
              port,
              storage,
              clock,
              start << 32,
              new StateStore(directory, DEFAULT_STATE_MEMORY_LIMIT).openFreshRuntime());

      final long offset = clockOffsetNotBehindLog(metadata, parts, storage);
      clock.addTime(Duration.ofMillis(offset));
      clock.update();

      LOG.info(
          "Engine directory {} opened (start #{}): {} log blocks, {} bytes, last position {}, clock offset {} ms{}",
          directory,
          start,
          storage.blockCount(),
          storage.sizeBytes(),
          storage.lastPosition(),
          offset,
          storage.recovery().truncatedBytes() > 0
              ? ", torn tail of " + storage.recovery().truncatedBytes() + " bytes cut"
              : "");
      return new DurableEngine(
          directory, port, parts, storage, clock, metadata, lock, replayTimeout);
    } catch (RuntimeException e) {
      if (storage != null) {
        storage.close();
      }
      lock.close();
      throw e;
    }
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
