package org.partnershipqa.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears what an earlier run left in the embedded PostgreSQL's data directory when it ended without stopping
 * the database, so that the database can start again.
 *
 * <p>PostgreSQL runs as its own process ({@code pg_ctl} detaches it from the application). When the application
 * is killed ({@code kill -9}, OOM killer) no shutdown hook runs: the server keeps running on the data directory,
 * holds {@code postmaster.pid} and its port, and the next start fails ("lock file postmaster.pid already
 * exists"), or, with a fixed port, silently talks to the old, unmanaged server. Such a leftover server is
 * stopped here with a fast shutdown (SIGINT: sessions end, a checkpoint is written), and killed only when it
 * does not stop in time, after which PostgreSQL recovers from its write-ahead log on start.
 *
 * <p>When PostgreSQL itself was killed, {@code postmaster.pid} names a process that is gone; PostgreSQL deals
 * with that itself and runs crash recovery. It refuses to start, though, while that process number exists
 * at all: a zombie not yet reaped, or an unrelated process that reused the number. Then the stale file is
 * removed here.
 *
 * <p>A process counts as our server only when it is a {@code postgres} executable whose working directory is
 * this data directory (PostgreSQL changes into its data directory), so an unrelated process that reused a
 * number is never signalled. Nothing is touched while another live process holds the directory's
 * {@code epg-lock} (a running application using this database): start-up then fails with a clear message.
 */
final class LeftoverServer {

  /** What was found and done. */
  enum Outcome {
    /** No {@code postmaster.pid}: the database was stopped cleanly (or never started). */
    NOTHING_LEFT,
    /** A server of an earlier run was still running and stopped cleanly (fast shutdown). */
    STOPPED,
    /** A server of an earlier run did not stop in time and was killed; PostgreSQL recovers on start. */
    KILLED,
    /** {@code postmaster.pid} named no running server (PostgreSQL itself was killed); it recovers on start. */
    STALE_PID_FILE
  }

  static final String PID_FILE = "postmaster.pid";
  static final String LOCK_FILE = "epg-lock";

  private static final Logger log = LoggerFactory.getLogger(LeftoverServer.class);
  private static final Duration KILL_WAIT = Duration.ofSeconds(10);
  private static final Duration POLL = Duration.ofMillis(50);

  private final Path directory;
  private final Duration stopWait;

  /**
   * @param directory the data directory
   * @param stopWait how long a leftover server (and a dead server's remaining processes) may take to stop
   *     before they are killed
   */
  LeftoverServer(Path directory, Duration stopWait) {
    this.directory = directory;
    this.stopWait = stopWait;
  }

  Outcome clear() throws IOException {
    Path pidFile = directory.resolve(PID_FILE);
    if (!Files.exists(pidFile)) {
      return Outcome.NOTHING_LEFT;
    }
    try (FileChannel lockChannel = FileChannel.open(directory.resolve(LOCK_FILE),
        StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      FileLock lock;
      try {
        lock = lockChannel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        throw new IllegalStateException("The embedded database in " + directory + " is in use by another running "
            + "application (its " + LOCK_FILE + " is locked). Stop that application first, or give this one "
            + "another data directory (PARTNERSHIPQA_DATA_DIR).");
      }
      try {
        return clear(pidFile);
      } finally {
        lock.release();
      }
    }
  }

  private Outcome clear(Path pidFile) throws IOException {
    Path realDirectory = directory.toRealPath();
    Optional<Long> recordedPid = recordedPid(pidFile);
    Outcome outcome;
    if (recordedPid.isPresent() && isServerProcess(recordedPid.get(), realDirectory)) {
      long pid = recordedPid.get();
      log.warn("PostgreSQL (PID {}) of an earlier run is still running on {}: the application ended without "
          + "stopping it (killed?). Stopping it with a fast shutdown before starting the database again.",
          pid, directory);
      requestFastShutdown(pid);
      List<ProcessHandle> left = waitUntilGone(realDirectory, stopWait);
      if (left.isEmpty()) {
        log.warn("The earlier PostgreSQL (PID {}) stopped cleanly.", pid);
        outcome = Outcome.STOPPED;
      } else {
        log.warn("The earlier PostgreSQL (PID {}) did not stop within {} s; killing it (PIDs {}). PostgreSQL will "
            + "recover from its write-ahead log on start.", pid, stopWait.toSeconds(), pids(left));
        kill(left, realDirectory);
        outcome = Outcome.KILLED;
      }
    } else {
      log.warn("{} names {}, which is not a running PostgreSQL on this directory: the database was not shut down "
          + "cleanly (its server was killed). PostgreSQL will recover from its write-ahead log on start.",
          pidFile, recordedPid.map(pid -> "PID " + pid).orElse("no valid PID"));
      List<ProcessHandle> orphans = serverProcesses(realDirectory);
      if (!orphans.isEmpty()) {
        // processes of a killed server end by themselves when they notice; they must be gone before a new start
        log.warn("Waiting for processes of the killed PostgreSQL to end (PIDs {})", pids(orphans));
        List<ProcessHandle> left = waitUntilGone(realDirectory, stopWait);
        if (!left.isEmpty()) {
          log.warn("Killing processes of the killed PostgreSQL that did not end (PIDs {})", pids(left));
          kill(left, realDirectory);
        }
      }
      outcome = Outcome.STALE_PID_FILE;
    }
    removeStalePidFile(pidFile);
    return outcome;
  }

  /**
   * After a kill PostgreSQL removes a {@code postmaster.pid} whose process is gone, but refuses to start while
   * the process number still exists (a zombie, or reused by another program): remove the file then. The
   * recorded server is not running here in any case (stopped, killed or found dead above).
   */
  private void removeStalePidFile(Path pidFile) throws IOException {
    Optional<Long> pid = Files.exists(pidFile) ? recordedPid(pidFile) : Optional.empty();
    if (!Files.exists(pidFile) || (pid.isPresent() && !processExists(pid.get()))) {
      return;
    }
    List<String> lines = readLines(pidFile);
    Files.deleteIfExists(pidFile);
    log.warn("Removed the stale {} ({}), whose process number is no longer a PostgreSQL on this directory",
        pidFile, pid.map(p -> "PID " + p).orElse("unreadable"));
    // its socket lock file names the same process and would stop a server on the same port just the same
    if (pid.isPresent() && lines.size() >= 5) {
      Path socketLock = Path.of(lines.get(4).trim(), ".s.PGSQL." + lines.get(3).trim() + ".lock");
      List<String> socketLines = readLines(socketLock);
      if (!socketLines.isEmpty() && socketLines.get(0).trim().equals(Long.toString(pid.get()))) {
        Files.deleteIfExists(socketLock);
        log.warn("Removed the stale socket lock file {}", socketLock);
      }
    }
  }

  private static Optional<Long> recordedPid(Path pidFile) {
    List<String> lines = readLines(pidFile);
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    try {
      long pid = Math.abs(Long.parseLong(lines.get(0).trim())); // negative: a single-user backend
      return pid > 0 ? Optional.of(pid) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static List<String> readLines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void requestFastShutdown(long pid) {
    try {
      Process kill = new ProcessBuilder("kill", "-INT", Long.toString(pid)).redirectErrorStream(true).start();
      if (kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0) {
        return;
      }
      log.warn("kill -INT {} failed; asking PostgreSQL to stop with SIGTERM instead", pid);
    } catch (IOException e) {
      log.warn("Cannot run kill -INT {} ({}); asking PostgreSQL to stop with SIGTERM instead", pid, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while stopping the earlier PostgreSQL", e);
    }
    // SIGTERM is PostgreSQL's "smart" shutdown: it waits for sessions to end; the killed application's are gone
    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
  }

  private void kill(List<ProcessHandle> processes, Path realDirectory) {
    processes.stream().filter(p -> isServerProcess(p.pid(), realDirectory)).forEach(ProcessHandle::destroyForcibly);
    List<ProcessHandle> left = waitUntilGone(realDirectory, KILL_WAIT);
    if (!left.isEmpty()) {
      throw new IllegalStateException("Processes of an earlier PostgreSQL on " + directory + " survive SIGKILL (PIDs "
          + pids(left) + "); stop them and start the application again.");
    }
  }

  private static List<ProcessHandle> waitUntilGone(Path realDirectory, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<ProcessHandle> left = serverProcesses(realDirectory);
    while (!left.isEmpty() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(POLL);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for the earlier PostgreSQL to stop", e);
      }
      left = serverProcesses(realDirectory);
    }
    return left;
  }

  /** The running PostgreSQL processes (server and its workers) on this data directory. */
  static List<ProcessHandle> serverProcesses(Path realDirectory) {
    return ProcessHandle.allProcesses().filter(p -> isServerProcess(p.pid(), realDirectory)).toList();
  }

  /**
   * Whether this process is a running (not zombie) PostgreSQL process on the data directory. On Linux: its
   * executable is {@code postgres} and its working directory is the data directory. Elsewhere: its command is
   * {@code postgres} with {@code -D} the data directory (only the server itself shows that).
   */
  static boolean isServerProcess(long pid, Path realDirectory) {
    Path proc = Path.of("/proc", Long.toString(pid));
    if (Files.isDirectory(Path.of("/proc/self"))) {
      try {
        if (isZombie(proc)) {
          return false;
        }
        String executable = Files.readSymbolicLink(proc.resolve("exe")).getFileName().toString();
        Path workingDirectory = Files.readSymbolicLink(proc.resolve("cwd"));
        return (executable.equals("postgres") || executable.startsWith("postgres ")) // "... (deleted)"
            && workingDirectory.equals(realDirectory);
      } catch (IOException | UncheckedIOException | SecurityException e) {
        return false; // gone, or not ours to inspect
      }
    }
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::info)
        .filter(info -> info.command().map(c -> Path.of(c).getFileName().toString().equals("postgres")).orElse(false))
        .flatMap(ProcessHandle.Info::arguments)
        .map(List::of)
        .map(args -> args.indexOf("-D") >= 0 && args.indexOf("-D") + 1 < args.size()
            && Path.of(args.get(args.indexOf("-D") + 1)).toAbsolutePath().normalize().equals(realDirectory))
        .orElse(false);
  }

  private static boolean isZombie(Path proc) throws IOException {
    String stat = Files.readString(proc.resolve("stat"));
    int end = stat.lastIndexOf(')'); // the command name in parentheses may contain anything
    char state = end >= 0 && end + 2 < stat.length() ? stat.charAt(end + 2) : '?';
    return state == 'Z' || state == 'X';
  }

  /** Whether the process number exists at all (as PostgreSQL's own check sees it: zombies count). */
  private static boolean processExists(long pid) {
    if (Files.isDirectory(Path.of("/proc/self"))) {
      return Files.exists(Path.of("/proc", Long.toString(pid)));
    }
    return ProcessHandle.of(pid).isPresent();
  }

  private static List<Long> pids(List<ProcessHandle> processes) {
    return processes.stream().map(ProcessHandle::pid).toList();
  }
}
