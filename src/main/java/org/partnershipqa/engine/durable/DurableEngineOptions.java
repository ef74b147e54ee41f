package org.partnershipqa.engine.durable;

import java.time.Duration;

/**
 * Settings of a {@link DurableEngine}.
 *
 * @param replayTimeout how long {@link DurableEngine#start()} may take to replay the log
 * @param stateMemoryLimitBytes RocksDB memory budget of the engine state
 * @param snapshotPeriod how often to snapshot the state (if the engine did anything since the last
 *     snapshot); {@link Duration#ZERO} for never
 * @param snapshotOnStop snapshot the state during a clean {@link DurableEngine#stop()}, so the next
 *     start replays almost nothing
 * @param compactLog after a snapshot, drop the log below the oldest snapshot kept (the log then no
 *     longer holds the full history; {@code getRecordStreamSource()} starts there)
 * @param snapshotsToKeep how many snapshots to keep (at least 1; more give a fallback if the newest
 *     one cannot be opened, at the price of a longer log)
 */
public record DurableEngineOptions(
    Duration replayTimeout,
    long stateMemoryLimitBytes,
    Duration snapshotPeriod,
    boolean snapshotOnStop,
    boolean compactLog,
    int snapshotsToKeep) {

  public DurableEngineOptions {
    if (snapshotsToKeep < 1) {
      throw new IllegalArgumentException("snapshotsToKeep must be at least 1");
    }
    if (snapshotPeriod.isNegative()) {
      throw new IllegalArgumentException("snapshotPeriod must not be negative");
    }
  }

  /** Snapshots every 15 minutes and on stop, two kept, log compacted; 64 MiB state memory. */
  public static DurableEngineOptions defaults() {
    return new DurableEngineOptions(
        Duration.ofMinutes(30), 64L * 1024 * 1024, Duration.ofMinutes(15), true, true, 2);
  }

  /** Log replay only: no snapshots, the log keeps the full history. */
  public static DurableEngineOptions replayOnly() {
    return defaults().withSnapshots(Duration.ZERO, false);
  }

  public DurableEngineOptions withSnapshots(final Duration period, final boolean onStop) {
    return new DurableEngineOptions(
        replayTimeout, stateMemoryLimitBytes, period, onStop, compactLog, snapshotsToKeep);
  }

  public DurableEngineOptions withCompactLog(final boolean compact) {
    return new DurableEngineOptions(
        replayTimeout, stateMemoryLimitBytes, snapshotPeriod, snapshotOnStop, compact, snapshotsToKeep);
  }

  public DurableEngineOptions withReplayTimeout(final Duration timeout) {
    return new DurableEngineOptions(
        timeout, stateMemoryLimitBytes, snapshotPeriod, snapshotOnStop, compactLog, snapshotsToKeep);
  }
}
