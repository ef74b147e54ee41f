package org.partnershipqa.engine.durable;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.process.test.api.RecordStreamSource;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.DurableEngineWiring;
import io.camunda.zeebe.scheduler.clock.ControlledActorClock;
import io.camunda.zeebe.stream.impl.StreamProcessor;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Zeebe engine with a durable log: every log block is on disk (fsync) before the engine
 * acts on it, and on start the engine replays the log to rebuild its state. Create it with {@link
 * DurableEngineFactory#create(int, Path)}.
 *
 * <p>{@link #start()} returns once replay is finished; only then does the gRPC gateway accept
 * requests. {@link #increaseTime(Duration)} moves the engine clock forward durably.
 */
public final class DurableEngine implements ZeebeTestEngine {

  private static final Logger LOG = LoggerFactory.getLogger(DurableEngine.class);

  private final Path directory;
  private final int port;
  private final DurableEngineWiring.Parts parts;
  private final FileLogStorage storage;
  private final StateStore stateStore;
  private final ControlledActorClock clock;
  private final EngineMetadata metadata;
  private final DirectoryLock lock;
  private final DurableEngineOptions options;
  private final Object snapshotLock = new Object();

  private volatile long snapshotPosition;
  /** When the snapshot at {@link #snapshotPosition} was taken; null until known. */
  private volatile java.time.Instant snapshotTime;
  private ScheduledExecutorService snapshotter;
  private final EngineState state;

  private volatile boolean started;
  /** True once replay finished and the gateway is open. */
  private volatile boolean ready;
  private volatile boolean stopped;
  private volatile Duration lastReplayDuration;

  DurableEngine(
      final Path directory,
      final int port,
      final DurableEngineWiring.Parts parts,
      final FileLogStorage storage,
      final StateStore stateStore,
      final long snapshotPosition,
      final ControlledActorClock clock,
      final EngineMetadata metadata,
      final DirectoryLock lock,
      final DurableEngineOptions options) {
    this.directory = directory;
    this.port = port;
    this.parts = parts;
    this.storage = storage;
    this.stateStore = stateStore;
    this.snapshotPosition = snapshotPosition;
    this.clock = clock;
    this.metadata = metadata;
    this.lock = lock;
    this.options = options;
    this.state = new EngineState(parts.database(), () -> ready && !stopped);
  }

  /** Opens the stream processor, waits until it has replayed the log, then opens the gateway. */
  @Override
  public synchronized void start() {
    if (started) {
      throw new IllegalStateException("Engine already started");
    }
    started = true;
    final long begin = System.nanoTime();
    final int blocks = storage.blockCount();
    final long bytes = storage.sizeBytes();
    final long position = storage.lastPosition();
    final StreamProcessor processor = parts.streamProcessor();
    processor.openAsync(false).join();
    final Duration replayTimeout = options.replayTimeout();
    final long deadline = begin + replayTimeout.toNanos();
    while (true) {
      final StreamProcessor.Phase phase = processor.getCurrentPhase().join();
      if (phase == StreamProcessor.Phase.PROCESSING) {
        break;
      }
      if (phase == StreamProcessor.Phase.FAILED || processor.isFailed()) {
        throw new IllegalStateException("Engine failed while replaying the log in " + directory);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "Engine did not finish replaying the log in " + directory + " within " + replayTimeout);
      }
      try {
        TimeUnit.MILLISECONDS.sleep(5); // poll interval of a bounded wait
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while replaying the log", e);
      }
    }
    lastReplayDuration = Duration.ofNanos(System.nanoTime() - begin);
    try {
      parts.grpcServer().start();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot start the engine gateway on port " + port, e);
    }
    LOG.info(
        "Engine in {} started: replayed {} blocks ({} bytes, up to position {}) after snapshot position {} in {} ms; gateway on port {}",
        directory,
        blocks,
        bytes,
        position,
        snapshotPosition,
        lastReplayDuration.toMillis(),
        port);
    ready = true;
    final Duration period = options.snapshotPeriod();
    if (!period.isZero()) {
      snapshotter =
          Executors.newSingleThreadScheduledExecutor(
              r -> Thread.ofPlatform().name("engine-snapshot").daemon().unstarted(r));
      snapshotter.scheduleWithFixedDelay(
          this::periodicSnapshot, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void periodicSnapshot() {
    try {
      takeSnapshot();
    } catch (RuntimeException e) {
      LOG.error("Periodic engine state snapshot failed; the log keeps growing until one succeeds", e);
    }
  }

  /**
   * Snapshots the engine state now (if it processed anything since the last snapshot), deletes
   * snapshots beyond {@link DurableEngineOptions#snapshotsToKeep()} and, if configured, drops the
   * log below the oldest snapshot kept. Safe while the engine is processing.
   *
   * @return the position of the new snapshot, or -1 if none was needed
   */
  public long takeSnapshot() {
    synchronized (snapshotLock) {
      if (!ready || stopped || !isHealthy()) {
        return -1;
      }
      final long processed = parts.streamProcessor().getLastProcessedPositionAsync().join();
      if (processed <= 0 || processed <= snapshotPosition) {
        return -1;
      }
      final long begin = System.nanoTime();
      stateStore.take(parts.database(), processed);
      snapshotPosition = processed;
      snapshotTime = java.time.Instant.now();
      final long keepLogFrom = stateStore.prune(options.snapshotsToKeep());
      final long dropped = options.compactLog() ? storage.compactBelow(keepLogFrom) : 0;
      LOG.info(
          "Engine state snapshot at position {} taken in {} ms; {} log bytes dropped",
          processed,
          (System.nanoTime() - begin) / 1_000_000,
          dropped);
      return processed;
    }
  }

  /** The jobs the engine holds as activated (handed to a worker, not yet finished or timed out). */
  public List<HeldJob> activatedJobs() {
    return state.activatedJobs().orElseThrow(() -> new IllegalStateException("The engine is not running"));
  }

  /**
   * Copies this running engine into {@code target} (see {@link DurableBackup}) as it stands at one
   * instant, and runs {@code atThatInstant} at that instant: while it runs no log block can be
   * appended (appends wait; processing of what is already in the log goes on). A backup of the
   * database whose snapshot is fixed inside {@code atThatInstant} therefore belongs to the same
   * instant as the copied log, exactly like the files a crash at that instant would leave.
   *
   * <p>No snapshot is taken and the log is not compacted until the copy is done, so the copied log
   * bytes and snapshots stay in place while they are read.
   */
  public DurableBackup.Copy backupTo(final Path target, final Runnable atThatInstant) {
    synchronized (snapshotLock) {
      if (!ready || stopped || !isHealthy()) {
        throw new IllegalStateException("The engine in " + directory + " is not running healthily; no backup taken");
      }
      final long[] clock = new long[2];
      final FileLogStorage.Extent extent =
          storage.whileFrozen(
              () -> {
                clock[0] = metadata.clockOffsetMillis();
                clock[1] = metadata.starts();
                atThatInstant.run();
              });
      final DurableBackup.Copy copy =
          DurableBackup.copyRunning(
              storage.file(), extent, stateStore.snapshots(), clock[0], clock[1], target);
      LOG.info(
          "Engine backed up into {}: {} log bytes up to position {}, snapshots {}",
          target,
          copy.logBytes(),
          copy.lastPosition(),
          copy.snapshotPositions());
      return copy;
    }
  }

  /** Position of the newest state snapshot, or -1. */
  public long snapshotPosition() {
    return snapshotPosition;
  }

  /** Lowest position still in the log (1 unless the log was compacted), or -1 if empty. */
  public long firstLogPosition() {
    return storage.firstPosition();
  }

  private void stopSnapshotter() {
    if (snapshotter != null) {
      snapshotter.shutdown(); // no interrupt: it would close the log's file channel mid-write
      try {
        snapshotter.awaitTermination(5, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Closes the gateway and processor, flushes and closes the log, releases the directory. */
  @Override
  public synchronized void stop() {
    if (stopped) {
      return;
    }
    stopSnapshotter();
    if (ready && options.snapshotOnStop() && isHealthy()) {
      parts.grpcServer().shutdownNow(); // no new commands; what is in flight still completes
      try {
        takeSnapshot();
      } catch (RuntimeException e) {
        LOG.warn("Snapshot on stop failed; the next start replays more of the log", e);
      }
    }
    stopped = true;
    state.close();
    try {
      parts.engine().stop();
    } finally {
      try {
        storage.close();
      } finally {
        lock.close();
      }
    }
  }

  /**
   * Test hook: behaves like the process being killed. From this instant nothing more reaches the
   * log, nothing is flushed or closed cleanly; threads and the port are then released so a second
   * engine can open the same directory in this JVM.
   */
  synchronized void simulateCrash() {
    if (stopped) {
      return;
    }
    stopped = true;
    storage.fence();
    if (snapshotter != null) {
      snapshotter.shutdown();
    }
    parts.grpcServer().shutdownNow();
    try {
      parts.grpcServer().awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      parts.scheduler().stop().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("Actor threads did not stop", e);
    }
    // a killed process's state files and directory lock are released by the OS
    state.close();
    try {
      parts.database().close();
    } catch (Exception e) {
      LOG.warn("Closing the state of a crashed engine failed", e);
    }
    lock.close();
  }

  @Override
  public RecordStreamSource getRecordStreamSource() {
    return parts.engine().getRecordStreamSource();
  }

  @Override
  @SuppressWarnings("deprecation")
  public ZeebeClient createClient() {
    return parts.engine().createClient();
  }

  @Override
  @SuppressWarnings("deprecation")
  public ZeebeClient createClient(final ObjectMapper objectMapper) {
    return parts.engine().createClient(objectMapper);
  }

  @Override
  public String getGatewayAddress() {
    return parts.engine().getGatewayAddress();
  }

  /**
   * Moves the engine clock forward. The new total offset is stored (fsync) before the clock moves,
   * so a restart never sees the clock behind anything the engine did with the new time.
   */
  @Override
  public synchronized void increaseTime(final Duration timeToAdd) {
    if (timeToAdd.isNegative()) {
      throw new IllegalArgumentException("The engine clock cannot go backwards: " + timeToAdd);
    }
    metadata.setClockOffsetMillis(Math.addExact(metadata.clockOffsetMillis(), timeToAdd.toMillis()));
    clock.addTime(timeToAdd);
  }

  @Override
  public void waitForIdleState(final Duration timeout)
      throws InterruptedException, TimeoutException {
    parts.engine().waitForIdleState(timeout);
  }

  @Override
  public void waitForBusyState(final Duration timeout)
      throws InterruptedException, TimeoutException {
    parts.engine().waitForBusyState(timeout);
  }

  // ---- operations --------------------------------------------------------------------------

  /** Bytes in the log file. */
  public long logSizeBytes() {
    return storage.sizeBytes();
  }

  /** Highest log position on disk, or -1 for an empty log. */
  public long lastWrittenPosition() {
    return storage.lastPosition();
  }

  /** Number of log blocks on disk. */
  public int logBlockCount() {
    return storage.blockCount();
  }

  /** Total time the clock has been moved forward with {@link #increaseTime}, across restarts. */
  public Duration clockOffset() {
    return Duration.ofMillis(metadata.clockOffsetMillis());
  }

  /** The engine's current time (system time plus {@link #clockOffset()}). */
  public java.time.Instant currentTime() {
    return clock.getCurrentTime();
  }

  /** How long the last {@link #start()} took to replay the log; null before start. */
  public Duration lastReplayDuration() {
    return lastReplayDuration;
  }

  /** Bytes cut from a torn log tail when this engine opened its directory (0 normally). */
  public long truncatedBytesOnOpen() {
    return storage.recovery().truncatedBytes();
  }

  /**
   * When the newest state snapshot was taken (its marker's time for one taken before this start);
   * empty if there is none.
   */
  public java.util.Optional<java.time.Instant> snapshotTime() {
    java.time.Instant time = snapshotTime;
    if (time == null && snapshotPosition >= 0) {
      time = stateStore.createdAt(snapshotPosition).orElse(null);
      snapshotTime = time;
    }
    return java.util.Optional.ofNullable(time);
  }

  /** Read-only view of the engine's own state (open incidents, failing jobs) while it runs. */
  public EngineState state() {
    return state;
  }

  /** False once the log could not be written or the stream processor failed. */
  public boolean isHealthy() {
    return !storage.hasFailed() && !parts.streamProcessor().isFailed();
  }

  public Path directory() {
    return directory;
  }

  public int port() {
    return port;
  }
}
