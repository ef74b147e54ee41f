package org.partnershipqa.engine.durable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnershipqa.engine.durable.EngineTestSupport.AFTER_TIMER_JOB;
import static org.partnershipqa.engine.durable.EngineTestSupport.USER_TASK_JOB;
import static org.partnershipqa.engine.durable.EngineTestSupport.activate;
import static org.partnershipqa.engine.durable.EngineTestSupport.activateNow;
import static org.partnershipqa.engine.durable.EngineTestSupport.client;
import static org.partnershipqa.engine.durable.EngineTestSupport.createInstance;
import static org.partnershipqa.engine.durable.EngineTestSupport.deploy;
import static org.partnershipqa.engine.durable.EngineTestSupport.freePort;
import static org.partnershipqa.engine.durable.EngineTestSupport.idle;
import static org.partnershipqa.engine.durable.EngineTestSupport.records;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessMessageSubscriptionIntent;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Torn log tails, message subscriptions and job deadlines across restarts. */
class DurableEngineRecoveryTest {

  @TempDir Path directory;

  private DurableEngine engine;
  private CamundaClient client;

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
    engine = DurableEngineFactory.create(port, directory);
    engine.start();
    client = client(port);
  }

  private void stop(final boolean crash) {
    client.close();
    client = null;
    if (crash) {
      engine.simulateCrash();
    } else {
      engine.stop();
    }
    engine = null;
  }

  private Path logFile() {
    return directory.resolve(DurableEngineFactory.LOG_FILE);
  }

  /** One instance waiting at its user task, whose job has been activated. */
  private ActivatedJob instanceAtUserTask() {
    open();
    deploy(client);
    createInstance(client);
    final ActivatedJob job = activate(client, USER_TASK_JOB, 1).get(0);
    idle(engine);
    return job;
  }

  private void assertInstanceCanFinish(final ActivatedJob task) {
    client.newCompleteCommand(task.getKey()).send().join();
    idle(engine);
    engine.increaseTime(Duration.ofHours(2));
    final ActivatedJob after = activate(client, AFTER_TIMER_JOB, 1).get(0);
    assertThat(after.getProcessInstanceKey()).isEqualTo(task.getProcessInstanceKey());
    client.newCompleteCommand(after.getKey()).send().join();
  }

  @Test
  void garbageAfterTheLastBlockIsCut() throws IOException {
    final ActivatedJob task = instanceAtUserTask();
    final long position = engine.lastWrittenPosition();
    stop(true);
    final long size = Files.size(logFile());
    Files.write(logFile(), new byte[] {(byte) 0xB1, 0x4C, 0x4B, 0x31, 9, 9, 9, 9, 9, 9, 9, 9, 9},
        StandardOpenOption.APPEND);

    open();
    assertThat(engine.truncatedBytesOnOpen()).isEqualTo(13);
    assertThat(Files.size(logFile())).isGreaterThanOrEqualTo(size); // cut, then appended to again
    assertThat(engine.lastWrittenPosition()).isGreaterThanOrEqualTo(position);
    assertInstanceCanFinish(task);
  }

  @Test
  void aLastBlockCutShortIsDroppedAndTheEngineCarriesOn() throws IOException {
    final ActivatedJob task = instanceAtUserTask();
    final long position = engine.lastWrittenPosition();
    stop(true);
    try (RandomAccessFile raf = new RandomAccessFile(logFile().toFile(), "rw")) {
      raf.setLength(raf.length() - 5);
    }

    final int port = freePort();
    engine = DurableEngineFactory.create(port, directory);
    assertThat(engine.truncatedBytesOnOpen()).isPositive();
    assertThat(engine.lastWrittenPosition()).isLessThan(position);
    engine.start();
    client = client(port);
    assertInstanceCanFinish(task);
  }

  @Test
  void aLastBlockWithAFlippedByteIsDropped() throws IOException {
    final ActivatedJob task = instanceAtUserTask();
    stop(false);
    try (RandomAccessFile raf = new RandomAccessFile(logFile().toFile(), "rw")) {
      raf.seek(raf.length() - 3);
      final int b = raf.read();
      raf.seek(raf.length() - 3);
      raf.write(b ^ 0xFF);
    }
    open();
    assertThat(engine.truncatedBytesOnOpen()).isPositive();
    assertThat(Files.list(directory).filter(p -> p.getFileName().toString().contains(".torn-")))
        .hasSize(1);
    assertInstanceCanFinish(task);
  }

  @Test
  void messageSubscriptionsAndBufferedMessagesSurviveACrash() {
    open();
    client
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess("await-approval")
                .startEvent()
                .intermediateCatchEvent("approved")
                .message(m -> m.name("approved").zeebeCorrelationKeyExpression("caseId"))
                .serviceTask("after-approval", t -> t.zeebeJobType("after-approval"))
                .endEvent()
                .done(),
            "await-approval.bpmn")
        .send()
        .join();
    final long waiting =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("await-approval")
            .latestVersion()
            .variables(Map.of("caseId", "case-1"))
            .send()
            .join()
            .getProcessInstanceKey();
    // a message with a time to live, for an instance that does not exist yet
    client
        .newPublishMessageCommand()
        .messageName("approved")
        .correlationKey("case-2")
        .timeToLive(Duration.ofDays(1))
        .send()
        .join();
    idle(engine);
    assertThat(records(engine, ValueType.PROCESS_MESSAGE_SUBSCRIPTION, ProcessMessageSubscriptionIntent.CREATED))
        .hasSize(1);
    stop(true);

    open();
    client
        .newPublishMessageCommand()
        .messageName("approved")
        .correlationKey("case-1")
        .send()
        .join();
    final long later =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("await-approval")
            .latestVersion()
            .variables(Map.of("caseId", "case-2"))
            .send()
            .join()
            .getProcessInstanceKey();
    assertThat(activate(client, "after-approval", 2))
        .extracting(ActivatedJob::getProcessInstanceKey)
        .containsExactlyInAnyOrder(waiting, later);
  }

  @Test
  void jobDeadlinesAreKeptAcrossARestart() {
    open();
    deploy(client);
    final long instance = createInstance(client);
    final ActivatedJob job =
        activateWithTimeout(Duration.ofMinutes(10));
    stop(true);

    open();
    idle(engine);
    assertThat(activateNow(client, USER_TASK_JOB)).isEmpty(); // still held by its worker
    engine.increaseTime(Duration.ofMinutes(15));
    final ActivatedJob again = activate(client, USER_TASK_JOB, 1).get(0);
    assertThat(again.getKey()).isEqualTo(job.getKey());
    assertThat(again.getProcessInstanceKey()).isEqualTo(instance);
    assertThat(records(engine, ValueType.JOB, JobIntent.TIMED_OUT)).hasSize(1);
  }

  private ActivatedJob activateWithTimeout(final Duration timeout) {
    final ActivatedJob[] found = new ActivatedJob[1];
    org.awaitility.Awaitility.await()
        .atMost(EngineTestSupport.WAIT)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              final var jobs =
                  client
                      .newActivateJobsCommand()
                      .jobType(USER_TASK_JOB)
                      .maxJobsToActivate(1)
                      .timeout(timeout)
                      .send()
                      .join()
                      .getJobs();
              if (!jobs.isEmpty()) {
                found[0] = jobs.get(0);
              }
              return found[0] != null;
            });
    return found[0];
  }
}
