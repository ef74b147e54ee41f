package org.partnershipqa.engine;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.partnershipqa.engine.durable.DurableEngine;
import org.partnershipqa.engine.durable.DurableEngineFactory;
import org.partnershipqa.engine.durable.EngineState;
import org.partnershipqa.engine.durable.HeldJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The Zeebe workflow engine running inside this JVM (embedded mode), kept durable on disk: its log is
 * fsynced before anything is acknowledged and replayed on start, from the latest state snapshot
 * ({@link org.partnershipqa.engine.durable}). A restart or a crash loses no process instance, job or timer.
 *
 * <p>It starts in an early lifecycle phase, before the Camunda client opens its job workers and before the
 * models are deployed, and stops after them.
 */
public class EmbeddedEngine implements SmartLifecycle {

  /** Earlier than the deployer and the Camunda client's workers (which use the default phase). */
  static final int PHASE = Integer.MIN_VALUE + 1000;

  private static final Logger log = LoggerFactory.getLogger(EmbeddedEngine.class);

  private final int port;
  private final Path directory;
  private DurableEngine engine;
  private List<HeldJob> heldAtStart = List.of();

  public EmbeddedEngine(int port, Path directory) {
    this.port = port;
    this.directory = directory;
  }

  @Override
  public synchronized void start() {
    engine = DurableEngineFactory.create(port, directory);
    engine.start();
    // no worker of this run has connected yet: every job the engine holds was taken by an earlier run
    heldAtStart = List.copyOf(engine.activatedJobs());
    log.info("Embedded Zeebe engine started on gRPC port {} with its log in {} (replayed in {} ms, log {} KB)",
        port, directory, engine.lastReplayDuration().toMillis(), engine.logSizeBytes() / 1024);
    log.info(EngineLicence.embedded().summary()); // its modules allow non-production use only: say so where operators look
  }

  @Override
  public synchronized void stop() {
    if (engine != null) {
      engine.stop();
      engine = null;
      log.info("Embedded Zeebe engine stopped");
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return engine != null;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }

  /** The running engine: its record stream and controllable clock (used by process tests). */
  public synchronized ZeebeTestEngine engine() {
    if (engine == null) {
      throw new IllegalStateException("The embedded engine is not running");
    }
    return engine;
  }

  /**
   * The jobs that were activated by workers of an earlier run of this application (before a stop or a
   * crash) and still counted as held when the engine started. Nobody will complete them unless they are
   * handed out again; {@link HeldJobRelease} does that.
   */
  public synchronized List<HeldJob> jobsHeldAtStart() {
    return heldAtStart;
  }

  /**
   * Copies the running engine into {@code target} as it stands at one instant, and runs {@code atThatInstant} at
   * that instant (no engine log record can be written while it runs, so keep it to a few milliseconds: e.g. fix
   * the snapshot of a database transaction). The copy is what a crash at that instant would leave on disk.
   */
  public EngineBackup backupTo(Path target, Runnable atThatInstant) {
    DurableEngine running;
    synchronized (this) {
      running = engine;
    }
    if (running == null) {
      throw new IllegalStateException("The embedded engine is not running");
    }
    return toBackup(running.backupTo(target, atThatInstant));
  }

  static EngineBackup toBackup(org.partnershipqa.engine.durable.DurableBackup.Copy copy) {
    return new EngineBackup(copy.logBytes(), copy.logBlocks(), copy.firstPosition(), copy.lastPosition(),
        copy.snapshotPositions(), copy.clockOffsetMillis());
  }

  /** What operators need to know: log size, snapshot, replay time. Empty when the engine is not running. */
  public synchronized Optional<Status> status() {
    if (engine == null) {
      return Optional.empty();
    }
    return Optional.of(new Status(engine.logSizeBytes(), engine.logBlockCount(), engine.snapshotPosition(),
        engine.snapshotTime().orElse(null), engine.lastReplayDuration(), engine.isHealthy(), directory));
  }

  /** The running engine's own state (incidents, failing jobs); empty when the engine is not running. */
  synchronized Optional<EngineState> state() {
    return engine == null ? Optional.empty() : Optional.of(engine.state());
  }

  /**
   * Operational figures of the durable engine.
   *
   * @param snapshotPosition position of the newest state snapshot, -1 if none
   * @param snapshotAt when that snapshot was taken, null if none
   */
  public record Status(long logBytes, int logBlocks, long snapshotPosition, Instant snapshotAt, Duration lastReplay,
      boolean healthy, Path directory) {}

  public int port() {
    return port;
  }
}
