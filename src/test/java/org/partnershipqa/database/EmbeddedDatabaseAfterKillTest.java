package org.partnershipqa.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The embedded database after a {@code kill -9}: of the application (its PostgreSQL keeps running), and of
 * PostgreSQL itself (a stale {@code postmaster.pid}). Each test runs the database in a child JVM started the way
 * the application starts it, kills it with SIGKILL while it commits, and starts the database again on the same
 * directory.
 */
class EmbeddedDatabaseAfterKillTest {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path dataDir;

  private Path directory;
  private final List<EmbeddedPostgres> started = new ArrayList<>();
  private final List<Process> processes = new ArrayList<>();
  private final ListAppender<ILoggingEvent> leftoverLog = new ListAppender<>();
  private final ListAppender<ILoggingEvent> postgresLog = new ListAppender<>();

  @BeforeEach
  void captureLogs() {
    directory = dataDir.resolve("postgres");
    capture(LeftoverServer.class.getName(), leftoverLog);
    capture(EmbeddedPostgres.class.getName(), postgresLog); // the library logs the server's own output here
  }

  @AfterEach
  void cleanUp() throws Exception {
    for (EmbeddedPostgres postgres : started) {
      postgres.close();
    }
    processes.forEach(Process::destroyForcibly);
    if (Files.isDirectory(directory)) { // a failed test must not leave a server behind
      LeftoverServer.serverProcesses(directory.toRealPath()).forEach(ProcessHandle::destroyForcibly);
    }
    ((Logger) LoggerFactory.getLogger(LeftoverServer.class)).detachAppender(leftoverLog);
    ((Logger) LoggerFactory.getLogger(EmbeddedPostgres.class)).detachAppender(postgresLog);
  }

  @Test
  void aServerLeftRunningByAKilledApplicationIsStoppedCleanlyAndKeepsEveryCommittedRow() throws Exception {
    Child child = Child.launch(directory, processes);
    child.awaitCommits(30);
    long leftover = postmasterPid();

    // while the application that owns the database lives, a second start does not touch its server
    assertThatThrownBy(() -> EmbeddedDatabase.startOn(directory, 0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("in use by another running application");
    assertThat(isServer(leftover)).isTrue();

    child.kill();

    // what the kill leaves behind: the server still running and serving, and its postmaster.pid
    assertThat(isServer(leftover)).isTrue();
    assertThat(rowIds("jdbc:postgresql://localhost:" + child.port() + "/postgres?user=postgres"))
        .containsAll(child.committed());

    EmbeddedPostgres postgres = start();

    assertThat(isServer(leftover)).isFalse();
    assertThat(postmasterPid()).isNotEqualTo(leftover);
    assertThat(rowIds(postgres.getJdbcUrl("postgres", "postgres"))).containsAll(child.committed());
    assertThat(messages(leftoverLog)).anyMatch(m -> m.contains("PID " + leftover + ") stopped cleanly"));
    await().atMost(WAIT).until(() -> messages(postgresLog).stream()
        .anyMatch(m -> m.contains("database system is ready to accept connections")));
    assertThat(messages(postgresLog)).noneMatch(m -> m.contains("automatic recovery in progress"));
  }

  @Test
  void aKilledServerRecoversFromItsWriteAheadLogWithEveryCommittedRow() throws Exception {
    Child child = Child.launch(directory, processes);
    child.awaitCommits(30);
    long server = postmasterPid();

    ProcessHandle.of(server).orElseThrow().destroyForcibly(); // SIGKILL while the child commits
    child.kill();
    assertThat(directory.resolve(LeftoverServer.PID_FILE)).exists();

    EmbeddedPostgres postgres = start();

    assertThat(rowIds(postgres.getJdbcUrl("postgres", "postgres"))).containsAll(child.committed());
    await().atMost(WAIT).until(() -> messages(postgresLog).stream()
        .anyMatch(m -> m.contains("database system was not properly shut down; automatic recovery in progress")));
    assertThat(messages(leftoverLog)).anyMatch(m -> m.contains("is not a running PostgreSQL on this directory"));
  }

  @Test
  void aStalePidFileWhoseProcessNumberAnotherProgramNowHasIsRemovedAndThatProgramLeftAlone() throws Exception {
    Child child = Child.launch(directory, processes);
    child.awaitCommits(5);
    long server = postmasterPid();
    child.kill();
    ProcessHandle.of(server).orElseThrow().destroyForcibly();
    Path realDirectory = directory.toRealPath();
    await().atMost(WAIT).until(() -> LeftoverServer.serverProcesses(realDirectory).isEmpty());

    // the dead server's process number now belongs to an unrelated program (PostgreSQL alone refuses to start then)
    Process unrelated = new ProcessBuilder("sleep", "600").start();
    processes.add(unrelated);
    Path pidFile = directory.resolve(LeftoverServer.PID_FILE);
    List<String> lines = new ArrayList<>(Files.readAllLines(pidFile));
    lines.set(0, Long.toString(unrelated.pid()));
    Files.write(pidFile, lines);

    EmbeddedPostgres postgres = start();

    assertThat(unrelated.isAlive()).isTrue();
    assertThat(rowIds(postgres.getJdbcUrl("postgres", "postgres"))).containsAll(child.committed());
    assertThat(messages(leftoverLog)).anyMatch(m -> m.contains("Removed the stale"));
  }

  private EmbeddedPostgres start() throws Exception {
    EmbeddedPostgres postgres = EmbeddedDatabase.startOn(directory, 0);
    started.add(postgres);
    return postgres;
  }

  private long postmasterPid() throws Exception {
    return Long.parseLong(Files.readAllLines(directory.resolve(LeftoverServer.PID_FILE)).get(0).trim());
  }

  private boolean isServer(long pid) throws Exception {
    return LeftoverServer.isServerProcess(pid, directory.toRealPath());
  }

  private static Set<Long> rowIds(String jdbcUrl) throws Exception {
    Set<Long> ids = new HashSet<>();
    try (Connection connection = DriverManager.getConnection(jdbcUrl);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select id from committed_row")) {
      while (rows.next()) {
        ids.add(rows.getLong(1));
      }
    }
    return ids;
  }

  private static void capture(String loggerName, ListAppender<ILoggingEvent> appender) {
    Logger logger = (Logger) LoggerFactory.getLogger(loggerName);
    logger.setLevel(Level.INFO);
    appender.start();
    logger.addAppender(appender);
  }

  private static List<String> messages(ListAppender<ILoggingEvent> appender) {
    synchronized (appender.list) {
      return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
  }

  /** A {@link DatabaseChild} JVM and what it printed. */
  private record Child(Process process, List<String> lines, Thread reader) {

    static Child launch(Path directory, List<Process> processes) throws Exception {
      String java = ProcessHandle.current().info().command().orElse("java");
      Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
          DatabaseChild.class.getName(), directory.toString())
          .redirectErrorStream(true)
          .start();
      processes.add(process);
      List<String> lines = new CopyOnWriteArrayList<>();
      Thread reader = Thread.ofPlatform().daemon().start(() -> {
        try (BufferedReader in =
            new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          String line;
          while ((line = in.readLine()) != null) {
            lines.add(line);
          }
        } catch (Exception e) {
          // the child died
        }
      });
      return new Child(process, lines, reader);
    }

    void awaitCommits(int count) {
      await().atMost(WAIT).pollInterval(Duration.ofMillis(20))
          .failFast("child exited: " + lines, () -> !process.isAlive())
          .until(() -> lines.stream().filter(l -> l.startsWith("PQA COMMITTED ")).count() >= count);
    }

    /** SIGKILL: no shutdown hook runs. */
    void kill() throws Exception {
      process.destroyForcibly();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      reader.join(Duration.ofSeconds(10));
    }

    int port() {
      return Integer.parseInt(lines.stream().filter(l -> l.startsWith("PQA READY ")).findFirst().orElseThrow()
          .substring("PQA READY ".length()));
    }

    Set<Long> committed() {
      Set<Long> ids = new HashSet<>();
      lines.stream().filter(l -> l.startsWith("PQA COMMITTED "))
          .forEach(l -> ids.add(Long.parseLong(l.substring("PQA COMMITTED ".length()))));
      return ids;
    }
  }
}
