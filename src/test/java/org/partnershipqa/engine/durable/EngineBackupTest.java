package org.partnershipqa.engine.durable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.partnershipqa.engine.durable.EngineTestSupport.PROCESS_ID;
import static org.partnershipqa.engine.durable.EngineTestSupport.USER_TASK_JOB;
import static org.partnershipqa.engine.durable.EngineTestSupport.activate;
import static org.partnershipqa.engine.durable.EngineTestSupport.activateNow;
import static org.partnershipqa.engine.durable.EngineTestSupport.createInstance;
import static org.partnershipqa.engine.durable.EngineTestSupport.deploy;
import static org.partnershipqa.engine.durable.EngineTestSupport.freePort;
import static org.partnershipqa.engine.durable.EngineTestSupport.idle;
import static org.partnershipqa.engine.durable.EngineTestSupport.records;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceCreationIntent;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceCreationRecordValue;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Copies of the engine directory for backups: taken from a running engine at one instant, or from a stopped one. */
class EngineBackupTest {

  @TempDir Path directory;
  @TempDir Path backups;

  private final List<AutoCloseable> open = new ArrayList<>();

  private static final DurableEngineOptions OPTIONS =
      DurableEngineOptions.defaults().withSnapshots(Duration.ZERO, true);

  @AfterEach
  void tearDown() throws Exception {
    for (AutoCloseable c : open.reversed()) {
      c.close();
    }
  }

  private DurableEngine start(final Path dir) {
    final DurableEngine engine = DurableEngineFactory.create(freePort(), dir, OPTIONS);
    engine.start();
    open.add(engine::stop);
    return engine;
  }

  private CamundaClient client(final DurableEngine engine) {
    final CamundaClient client = EngineTestSupport.client(engine.port());
    open.add(client::close);
    return client;
  }

  @Test
  void aCopyTakenWhileClientsKeepWritingIsTheEngineAsOfOneInstant() {
    final DurableEngine engine = start(directory);
    final CamundaClient client = client(engine);
    deploy(client);
    final Set<Long> beforeSnapshot = new HashSet<>();
    for (int i = 0; i < 10; i++) {
      beforeSnapshot.add(createInstance(client));
    }
    idle(engine);
    final long snapshot = engine.takeSnapshot();
    assertThat(engine.firstLogPosition()).isGreaterThan(1); // the copy starts from a compacted log

    final List<CompletableFuture<Long>> created = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      created.add(
          client.newCreateInstanceCommand().bpmnProcessId(PROCESS_ID).latestVersion().send()
              .toCompletableFuture().thenApply(r -> r.getProcessInstanceKey()));
    }
    // copy mid-stream: some creations are done, others still on their way into the log
    org.awaitility.Awaitility.await().atMost(EngineTestSupport.WAIT)
        .until(() -> created.stream().filter(CompletableFuture::isDone).count() >= 20);
    final long[] seenAtTheInstant = new long[1];
    final Path copyDirectory = backups.resolve("engine");
    final DurableBackup.Copy copy =
        engine.backupTo(copyDirectory, () -> seenAtTheInstant[0] = engine.lastWrittenPosition());
    created.forEach(CompletableFuture::join);
    idle(engine);

    // the copy ends exactly where the log stood while the action ran: nothing was appended meanwhile
    assertThat(copy.lastPosition()).isEqualTo(seenAtTheInstant[0]);
    assertThat(copy.snapshotPositions()).containsExactly(snapshot);
    assertThat(copy.firstPosition()).isEqualTo(engine.firstLogPosition());

    // instances whose create command was in the log at that instant, and no other
    final Set<Long> expected = new HashSet<>(beforeSnapshot);
    for (Record<?> r : records(engine, ValueType.PROCESS_INSTANCE_CREATION, ProcessInstanceCreationIntent.CREATED)) {
      if (r.getSourceRecordPosition() <= copy.lastPosition()) {
        expected.add(((ProcessInstanceCreationRecordValue) r.getValue()).getProcessInstanceKey());
      }
    }
    assertThat(expected.size()).isBetween(30, 70);

    final DurableEngine restored = start(copyDirectory);
    assertThat(restored.snapshotPosition()).isEqualTo(snapshot);
    final CamundaClient restoredClient = client(restored);
    final List<ActivatedJob> tasks = activate(restoredClient, USER_TASK_JOB, expected.size());
    idle(restored);
    assertThat(tasks).extracting(ActivatedJob::getProcessInstanceKey).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(activateNow(restoredClient, USER_TASK_JOB)).isEmpty();
  }

  @Test
  void aStoppedEngineIsCopiedUnderItsLockWithATornTailCut() throws Exception {
    final DurableEngine engine = start(directory);
    final CamundaClient client = client(engine);
    deploy(client);
    final long instance = createInstance(client);
    idle(engine);

    // while the engine holds the directory, a stopped-engine copy is refused
    assertThat(DurableBackup.inUse(directory)).isTrue();
    assertThatThrownBy(() -> DurableBackup.copyStopped(directory, backups.resolve("refused"), () -> {}))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("in use");

    engine.simulateCrash();
    assertThat(DurableBackup.inUse(directory)).isFalse();
    final long intactBytes = Files.size(directory.resolve("log.dat"));
    try (FileChannel log = FileChannel.open(directory.resolve("log.dat"), StandardOpenOption.APPEND)) {
      log.write(ByteBuffer.wrap(new byte[] {'B', 'L', 'K', '1', 0x7f, 0, 0})); // a frame cut short by the crash
    }

    final Path copyDirectory = backups.resolve("stopped");
    final boolean[] lockedDuringAction = new boolean[1];
    final DurableBackup.Copy copy =
        DurableBackup.copyStopped(directory, copyDirectory, () -> lockedDuringAction[0] = DurableBackup.inUse(directory));
    assertThat(lockedDuringAction[0]).isTrue();
    assertThat(copy.logBytes()).isEqualTo(intactBytes);
    assertThat(Files.size(copyDirectory.resolve("log.dat"))).isEqualTo(intactBytes);
    try (var files = Files.list(copyDirectory)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("log.dat", "engine.properties");
    }

    final Path restoredDirectory = backups.resolve("restored");
    DurableBackup.restore(copyDirectory, restoredDirectory);
    assertThatThrownBy(() -> DurableBackup.restore(copyDirectory, restoredDirectory))
        .hasMessageContaining("not empty");
    final DurableEngine restored = start(restoredDirectory);
    assertThat(activate(client(restored), USER_TASK_JOB, 1))
        .extracting(ActivatedJob::getProcessInstanceKey).containsExactly(instance);
  }
}
