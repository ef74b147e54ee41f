package org.partnershipqa.engine;

import java.nio.file.Path;
import org.partnershipqa.engine.durable.DurableBackup;

/**
 * The embedded engine's files under a data directory ({@code <data-dir>/engine}), for backups taken while the
 * application is stopped and for restores. The running engine is backed up by
 * {@link EmbeddedEngine#backupTo(Path, Runnable)}.
 */
public final class EngineFiles {

  private EngineFiles() {}

  /** The engine directory of a data directory. */
  public static Path directoryIn(Path dataDirectory) {
    return dataDirectory.resolve("engine").toAbsolutePath().normalize();
  }

  /** True while a running engine (this process or another) holds the data directory's engine directory. */
  public static boolean inUse(Path dataDirectory) {
    return DurableBackup.inUse(directoryIn(dataDirectory));
  }

  /**
   * Copies the engine files of a data directory whose application is stopped into {@code target}; refuses
   * (IllegalStateException) while an engine holds them. {@code atThatInstant} runs once the engine directory is
   * locked against an engine starting, before anything is copied.
   */
  public static EngineBackup backupStopped(Path dataDirectory, Path target, Runnable atThatInstant) {
    return EmbeddedEngine.toBackup(DurableBackup.copyStopped(directoryIn(dataDirectory), target, atThatInstant));
  }

  /** Puts a backup's engine files ({@code from}) into the data directory's engine directory, which must be empty. */
  public static void restore(Path from, Path dataDirectory) {
    DurableBackup.restore(from, directoryIn(dataDirectory));
  }
}
