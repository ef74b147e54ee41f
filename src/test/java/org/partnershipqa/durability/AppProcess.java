package org.partnershipqa.durability;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * One lifetime of the application as a separate JVM on a given data directory, started from the test class
 * path ({@link CrashingApplication}), its output kept in a log file. Ports are fixed for the whole test, so
 * every lifetime is reached at the same addresses.
 */
final class AppProcess implements AutoCloseable {

  record Ports(int http, int engine, int database) {
    static Ports free() throws IOException {
      return new Ports(freePort(), freePort(), freePort());
    }
  }

  private final Process process;
  private final List<String> crashLines = new CopyOnWriteArrayList<>();
  private final Thread drain;

  private AppProcess(Process process, Path log) throws IOException {
    this.process = process;
    PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true);
    this.drain = Thread.ofPlatform().daemon().start(() -> {
      try (out; BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          out.println(line);
          if (line.startsWith("PQA CRASH ")) {
            crashLines.add(line.substring("PQA CRASH ".length()));
          }
        }
      } catch (IOException e) {
        // the process is gone
      }
    });
  }

  /** Starts a lifetime and waits until it is ready, or has died at its crash point. */
  static AppProcess start(Path dataDir, Ports ports, String crashPoint, Path log) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElse("java"),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
        // class data of the first lifetime is reused by the next ones: a quicker start
        "-XX:SharedArchiveFile=" + dataDir.resolveSibling("app-cds.jsa"), "-XX:+AutoCreateSharedArchive",
        "-cp", classPath()));
    if (crashPoint != null) {
      command.add("-Dpqa.crash=" + crashPoint);
    }
    command.addAll(List.of(CrashingApplication.class.getName(),
        "--partnershipqa.data-dir=" + dataDir,
        "--server.port=" + ports.http(),
        "--partnershipqa.engine.embedded-port=" + ports.engine(),
        "--partnershipqa.database.embedded-port=" + ports.database(),
        "--partnershipqa.handoff.retry-interval=PT1S",
        "--partnershipqa.handoff.retry-older-than=PT1S",
        "--partnershipqa.tasks.reconcile-interval=PT2S",
        "--camunda.client.worker.defaults.poll-interval=PT0.5S",
        "--logging.level.root=WARN",
        "--logging.level.org.partnershipqa=INFO"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    AppProcess app = new AppProcess(process, log);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    // ready, or dead: a crash point may fire during start-up (e.g. while held jobs are handed out again)
    await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200))
        .until(() -> !process.isAlive() || healthy(http, ports.http()));
    if (!process.isAlive() && crashPoint == null) {
      throw new IllegalStateException("The application process died while starting; see " + log);
    }
    return app;
  }

  private static boolean healthy(HttpClient http, int port) {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The crash point that fired in this lifetime, once the process is gone. */
  Optional<String> crash() throws InterruptedException {
    if (process.isAlive()) {
      return Optional.empty();
    }
    drain.join(Duration.ofSeconds(10));
    return crashLines.stream().findFirst();
  }

  /** Waits for the process to end by itself (the crash point killed it). */
  boolean awaitExit(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** A clean stop: SIGTERM, as a service manager sends it. */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
      }
    }
    drain.join(Duration.ofSeconds(10));
  }

  /** The test class path without empty entries: an empty entry means the working directory (the repository). */
  private static String classPath() {
    return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
        .filter(entry -> !entry.isBlank() && !Path.of(entry).toAbsolutePath().normalize()
            .equals(Path.of("").toAbsolutePath().normalize()))
        .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
