package org.partnershipqa.engine.durable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.partnershipqa.engine.durable.EngineTestSupport.AFTER_TIMER_JOB;
import static org.partnershipqa.engine.durable.EngineTestSupport.USER_TASK_JOB;
import static org.partnershipqa.engine.durable.EngineTestSupport.activate;
import static org.partnershipqa.engine.durable.EngineTestSupport.activateNow;
import static org.partnershipqa.engine.durable.EngineTestSupport.client;
import static org.partnershipqa.engine.durable.EngineTestSupport.createInstance;
import static org.partnershipqa.engine.durable.EngineTestSupport.deploy;
import static org.partnershipqa.engine.durable.EngineTestSupport.freePort;
import static org.partnershipqa.engine.durable.EngineTestSupport.idle;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ActivatedJob;
import io.grpc.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** State snapshots (RocksDB checkpoints) and log compaction. */
class SnapshotTest {

  @TempDir Path directory;

  private DurableEngine engine;
  private CamundaClient client;

  /** Snapshots only when asked (and on stop), so the tests control them. */
  private static final DurableEngineOptions OPTIONS =
      DurableEngineOptions.defaults().withSnapshots(Duration.ZERO, true);

  @AfterEach
  void tearDown() {
    if (client != null) {
      client.close();
    }
    if (engine != null) {
      engine.stop();
    }
  }

  private void open() {
    final int port = freePort();
    engine = DurableEngineFactory.create(port, directory, OPTIONS);
    engine.start();
    client = client(port);
  }

  private void crash() {
    client.close();
    client = null;
    engine.simulateCrash();
    engine = null;
  }

  @Test
  void crashAfterASnapshotReplaysOnlyTheLogAfterIt() {
    open();
    deploy(client);
    final long first = createInstance(client);
    final long second = createInstance(client);
    final Map<Long, ActivatedJob> tasks =
        activate(client, USER_TASK_JOB, 2).stream()
            .collect(Collectors.toMap(ActivatedJob::getProcessInstanceKey, j -> j));
    final long completedJob = tasks.get(first).getKey();
    client.newCompleteCommand(completedJob).send().join();
    idle(engine);
    final long logBefore = engine.logSizeBytes();

    final long snapshot = engine.takeSnapshot();
    assertThat(snapshot).isPositive();
    assertThat(engine.firstLogPosition()).isGreaterThan(1);
    assertThat(engine.logSizeBytes()).isLessThan(logBefore);

    // work after the snapshot lives only in the log
    final long third = createInstance(client);
    final ActivatedJob thirdTask = activate(client, USER_TASK_JOB, 1).get(0);
    assertThat(thirdTask.getProcessInstanceKey()).isEqualTo(third);
    idle(engine);
    crash();

    open();
    assertThat(engine.snapshotPosition()).isEqualTo(snapshot);
    client.newCompleteCommand(tasks.get(second).getKey()).send().join();
    client.newCompleteCommand(thirdTask.getKey()).send().join();
    assertThatThrownBy(() -> client.newCompleteCommand(completedJob).send().join())
        .isInstanceOfSatisfying(
            ClientStatusException.class,
            e -> assertThat(e.getStatusCode()).isEqualTo(Status.Code.NOT_FOUND));
    assertThat(createInstance(client)).isGreaterThan(third);
    idle(engine);
    engine.increaseTime(Duration.ofHours(2));
    assertThat(activate(client, AFTER_TIMER_JOB, 3))
        .extracting(ActivatedJob::getProcessInstanceKey)
        .containsExactlyInAnyOrder(first, second, third);
    idle(engine);
    assertThat(activateNow(client, AFTER_TIMER_JOB)).isEmpty(); // each timer fired once
  }

  @Test
  void aCleanStopSnapshotsSoTheNextStartReplaysLittle() {
    open();
    deploy(client);
    final List<Long> instances = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      instances.add(createInstance(client));
    }
    final List<ActivatedJob> tasks = activate(client, USER_TASK_JOB, 20);
    idle(engine);
    final long fullLog = engine.logSizeBytes();
    client.close();
    client = null;
    engine.stop();
    engine = null;

    open();
    assertThat(engine.snapshotPosition()).isPositive();
    assertThat(engine.firstLogPosition()).isGreaterThan(1);
    // what remains is the result of the last processed command (a 20-job activation batch)
    assertThat(engine.logSizeBytes()).isLessThan(fullLog / 2);
    for (ActivatedJob task : tasks) {
      client.newCompleteCommand(task.getKey()).send().join();
    }
    idle(engine);
    engine.increaseTime(Duration.ofHours(2));
    assertThat(activate(client, AFTER_TIMER_JOB, 20))
        .extracting(ActivatedJob::getProcessInstanceKey)
        .containsExactlyInAnyOrderElementsOf(instances);
  }

  @Test
  void anUnreadableNewestSnapshotFallsBackToTheOlderOne() throws IOException {
    open();
    deploy(client);
    createInstance(client);
    final ActivatedJob task = activate(client, USER_TASK_JOB, 1).get(0);
    idle(engine);
    final long older = engine.takeSnapshot();
    createInstance(client);
    final ActivatedJob later = activate(client, USER_TASK_JOB, 1).get(0);
    idle(engine);
    final long newer = engine.takeSnapshot();
    assertThat(newer).isGreaterThan(older);
    crash();

    // damage the newest snapshot: RocksDB cannot open it without its CURRENT file
    final Path newest =
        directory.resolve("state/snapshots").resolve(String.format("%020d", newer));
    Files.delete(newest.resolve("CURRENT"));

    open();
    assertThat(engine.snapshotPosition()).isEqualTo(older);
    client.newCompleteCommand(task.getKey()).send().join();
    client.newCompleteCommand(later.getKey()).send().join();
  }

  @Test
  void aCompactedLogWithoutItsSnapshotIsRefused() throws IOException {
    open();
    deploy(client);
    createInstance(client);
    activate(client, USER_TASK_JOB, 1);
    idle(engine);
    engine.takeSnapshot();
    crash();
    try (Stream<Path> walk = Files.list(directory.resolve("state/snapshots"))) {
      for (Path snapshot : walk.toList()) {
        StateStore.deleteRecursively(snapshot);
      }
    }
    assertThatThrownBy(() -> DurableEngineFactory.create(freePort(), directory, OPTIONS))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no usable state snapshot");
    // the refusal released the directory: trying again gives the same answer, not "in use"
    assertThatThrownBy(() -> DurableEngineFactory.create(freePort(), directory, OPTIONS))
        .hasMessageContaining("no usable state snapshot");
  }

  @Test
  void snapshotsWhileClientsKeepWritingLoseNothing() {
    open();
    deploy(client);
    final List<CompletableFuture<Long>> created = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      created.add(
          client
              .newCreateInstanceCommand()
              .bpmnProcessId(EngineTestSupport.PROCESS_ID)
              .latestVersion()
              .send()
              .toCompletableFuture()
              .thenApply(r -> r.getProcessInstanceKey()));
      if (i % 20 == 10) {
        engine.takeSnapshot();
      }
    }
    final List<Long> keys = created.stream().map(CompletableFuture::join).toList();
    engine.takeSnapshot();
    crash();

    open();
    assertThat(activate(client, USER_TASK_JOB, 60))
        .extracting(ActivatedJob::getProcessInstanceKey)
        .containsExactlyInAnyOrderElementsOf(keys);
  }
}
