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
import static org.partnershipqa.engine.durable.EngineTestSupport.records;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import io.camunda.zeebe.protocol.record.value.TimerRecordValue;
import io.grpc.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableEngineTest {

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

  private void open(final int port) {
    engine = DurableEngineFactory.create(port, directory);
    engine.start();
    client = client(port);
  }

  private void crash() {
    client.close();
    client = null;
    engine.simulateCrash();
    engine = null;
  }

  private void cleanStop() {
    client.close();
    client = null;
    engine.stop();
    engine = null;
  }

  @Test
  void stateSurvivesACrash() {
    final int port = freePort();
    open(port);
    deploy(client);
    final long first = createInstance(client);
    final long second = createInstance(client);
    final Map<Long, ActivatedJob> tasks =
        activate(client, USER_TASK_JOB, 2).stream()
            .collect(Collectors.toMap(ActivatedJob::getProcessInstanceKey, j -> j));
    assertThat(tasks).containsOnlyKeys(first, second);
    final long completedJob = tasks.get(first).getKey();
    final long openJob = tasks.get(second).getKey();
    client.newCompleteCommand(completedJob).send().join();
    idle(engine);
    final long positionBeforeCrash = engine.lastWrittenPosition();

    crash(); // no stop(): nothing is flushed or closed cleanly

    open(port); // same port: the crashed gateway released it
    assertThat(engine.lastWrittenPosition()).isGreaterThanOrEqualTo(positionBeforeCrash);

    // the job activated before the crash is completed by its original key
    client.newCompleteCommand(openJob).send().join();
    // the job completed before the crash cannot be completed twice
    assertThatThrownBy(() -> client.newCompleteCommand(completedJob).send().join())
        .isInstanceOfSatisfying(
            ClientStatusException.class,
            e -> assertThat(e.getStatusCode()).isEqualTo(Status.Code.NOT_FOUND));
    // keys continue after the old ones
    final long third = createInstance(client);
    assertThat(third).isGreaterThan(Math.max(first, second));

    // both timers (one created before the crash, one after) fire once, the service task follows
    idle(engine);
    assertThat(activateNow(client, AFTER_TIMER_JOB)).isEmpty();
    engine.increaseTime(Duration.ofHours(2));
    final List<ActivatedJob> afterTimer = activate(client, AFTER_TIMER_JOB, 2);
    assertThat(afterTimer)
        .extracting(ActivatedJob::getProcessInstanceKey)
        .containsExactlyInAnyOrder(first, second);
    idle(engine);
    assertThat(activateNow(client, AFTER_TIMER_JOB)).isEmpty();
    final List<Record<?>> triggered = records(engine, ValueType.TIMER, TimerIntent.TRIGGERED);
    assertThat(triggered)
        .extracting(r -> ((TimerRecordValue) r.getValue()).getProcessInstanceKey())
        .containsExactlyInAnyOrder(first, second);
  }

  @Test
  void stateSurvivesACleanStopAndTheClockKeepsItsOffset() {
    final int port = freePort();
    open(port);
    deploy(client);
    final long instance = createInstance(client);
    final ActivatedJob task = activate(client, USER_TASK_JOB, 1).get(0);
    engine.increaseTime(Duration.ofMinutes(30));
    final var timeBefore = engine.currentTime();
    cleanStop();

    open(freePort());
    assertThat(engine.clockOffset()).isEqualTo(Duration.ofMinutes(30));
    assertThat(engine.currentTime()).isAfterOrEqualTo(timeBefore);
    client.newCompleteCommand(task.getKey()).send().join();
    // deployments survive too
    final long another = createInstance(client);
    assertThat(another).isGreaterThan(instance);
    idle(engine);
    engine.increaseTime(Duration.ofHours(2));
    assertThat(activate(client, AFTER_TIMER_JOB, 1).get(0).getProcessInstanceKey())
        .isEqualTo(instance);
    assertThat(engine.clockOffset()).isEqualTo(Duration.ofMinutes(150));
  }

  @Test
  void timerDueWhileDownFiresOnceAfterRestart() {
    final int port = freePort();
    open(port);
    deploy(client);
    final long instance = createInstance(client);
    client.newCompleteCommand(activate(client, USER_TASK_JOB, 1).get(0).getKey()).send().join();
    idle(engine);
    crash();

    // the engine was "down" for two hours: time moved on while no engine was running
    final EngineMetadata metadata = EngineMetadata.load(directory);
    metadata.setClockOffsetMillis(metadata.clockOffsetMillis() + Duration.ofHours(2).toMillis());

    open(port);
    final ActivatedJob job = activate(client, AFTER_TIMER_JOB, 1).get(0);
    assertThat(job.getProcessInstanceKey()).isEqualTo(instance);
    idle(engine);
    assertThat(records(engine, ValueType.TIMER, TimerIntent.TRIGGERED)).hasSize(1);
  }

  @Test
  void secondEngineOnTheSameDirectoryIsRefused() {
    open(freePort());
    assertThatThrownBy(() -> DurableEngineFactory.create(freePort(), directory))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("in use");
  }

  @Test
  void replayedRecordsAreTheSameAfterRestart() {
    final int port = freePort();
    engine = DurableEngineFactory.create(port, directory, DurableEngineOptions.replayOnly());
    engine.start();
    client = client(port);
    deploy(client);
    createInstance(client);
    activate(client, USER_TASK_JOB, 1);
    idle(engine);
    final List<Record<?>> before = recordsSorted();
    cleanStop();
    final int port2 = freePort();
    engine = DurableEngineFactory.create(port2, directory, DurableEngineOptions.replayOnly());
    engine.start();
    client = client(port2);
    idle(engine);
    final List<Record<?>> after = recordsSorted();
    assertThat(after.size()).isGreaterThanOrEqualTo(before.size());
    assertThat(after.subList(0, before.size()).toString()).isEqualTo(before.toString());
  }

  private List<Record<?>> recordsSorted() {
    return java.util.stream.StreamSupport.stream(
            engine.getRecordStreamSource().getRecords().spliterator(), false)
        .sorted(Comparator.comparingLong(Record::getPosition))
        .toList();
  }
}
