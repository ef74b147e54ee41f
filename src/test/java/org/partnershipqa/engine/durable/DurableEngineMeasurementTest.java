package org.partnershipqa.engine.durable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnershipqa.engine.durable.EngineTestSupport.AFTER_TIMER_JOB;
import static org.partnershipqa.engine.durable.EngineTestSupport.USER_TASK_JOB;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Log size per process instance and replay time. Not part of the normal run:
 * {@code mvn -q -B test -Dtest=DurableEngineMeasurementTest -Dpqa.measure=true
 * [-Dpqa.measure.instances=200]}. Results are logged at INFO ("MEASURE ...").
 */
@EnabledIfSystemProperty(named = "pqa.measure", matches = "true")
class DurableEngineMeasurementTest {

  private static final Logger LOG = LoggerFactory.getLogger(DurableEngineMeasurementTest.class);

  @TempDir Path directory;

  @Test
  void measure() throws Exception {
    final int instances = Integer.getInteger("pqa.measure.instances", 200);
    final int port = EngineTestSupport.freePort();
    DurableEngine engine = DurableEngineFactory.create(port, directory, DurableEngineOptions.replayOnly());
    engine.start();
    final long writeStart = System.nanoTime();
    final long afterDeploy;
    final long atUserTask;
    try (CamundaClient client = EngineTestSupport.client(port)) {
      EngineTestSupport.deploy(client);
      EngineTestSupport.idle(engine);
      afterDeploy = engine.logSizeBytes();
      for (int i = 0; i < instances; i++) {
        EngineTestSupport.createInstance(client);
      }
      final List<ActivatedJob> tasks = EngineTestSupport.activate(client, USER_TASK_JOB, instances);
      EngineTestSupport.idle(engine);
      atUserTask = engine.logSizeBytes();
      for (ActivatedJob task : tasks) {
        client.newCompleteCommand(task.getKey()).send().join();
      }
      EngineTestSupport.idle(engine);
      engine.increaseTime(Duration.ofHours(2));
      final List<ActivatedJob> after = EngineTestSupport.activate(client, AFTER_TIMER_JOB, instances);
      for (ActivatedJob job : after) {
        client.newCompleteCommand(job.getKey()).send().join();
      }
      EngineTestSupport.idle(engine);
    }
    final long writeMillis = (System.nanoTime() - writeStart) / 1_000_000;
    final long completed =
        EngineTestSupport.records(engine, ValueType.PROCESS_INSTANCE, ProcessInstanceIntent.ELEMENT_COMPLETED)
            .stream()
            .filter(r -> ((ProcessInstanceRecordValue) r.getValue()).getBpmnElementType() == BpmnElementType.PROCESS)
            .count();
    assertThat(completed).isEqualTo(instances);
    final long total = engine.logSizeBytes();
    final int blocks = engine.logBlockCount();
    final long lastPosition = engine.lastWrittenPosition();
    engine.stop();

    final List<Long> replays = new ArrayList<>();
    final List<Long> opens = new ArrayList<>();
    for (int run = 0; run < 3; run++) {
      final long begin = System.nanoTime();
      engine = DurableEngineFactory.create(port, directory, DurableEngineOptions.replayOnly());
      engine.start();
      opens.add((System.nanoTime() - begin) / 1_000_000);
      replays.add(engine.lastReplayDuration().toMillis());
      engine.stop();
    }

    // now with snapshots: one start that snapshots on stop, then starts from the snapshot
    engine = DurableEngineFactory.create(port, directory);
    engine.start();
    final long snapshotBegin = System.nanoTime();
    final long snapshotPosition = engine.takeSnapshot();
    final long snapshotMillis = (System.nanoTime() - snapshotBegin) / 1_000_000;
    final long compactedLog = engine.logSizeBytes();
    engine.stop();
    final long snapshotBytes;
    try (var files = java.nio.file.Files.walk(directory.resolve("state/snapshots"))) {
      snapshotBytes =
          files.filter(java.nio.file.Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
    final List<Long> snapshotStarts = new ArrayList<>();
    for (int run = 0; run < 3; run++) {
      final long begin = System.nanoTime();
      engine = DurableEngineFactory.create(port, directory);
      engine.start();
      snapshotStarts.add((System.nanoTime() - begin) / 1_000_000);
      engine.stop();
    }
    LOG.info(
        "MEASURE snapshot at position {} took {} ms; snapshots on disk {} bytes; log after compaction {} bytes;"
            + " createAndStart from snapshot {} ms (median {})",
        snapshotPosition,
        snapshotMillis,
        snapshotBytes,
        compactedLog,
        snapshotStarts,
        snapshotStarts.stream().sorted().toList().get(1));
    LOG.info(
        "MEASURE instances={} logBytes={} blocks={} records(lastPosition)={} deployBytes={}"
            + " bytesPerInstanceAtUserTask={} bytesPerInstanceCompleted={} writePhaseMillis={}"
            + " replayMillis={} (median {}) createAndStartMillis={} (median {})",
        instances,
        total,
        blocks,
        lastPosition,
        afterDeploy,
        (atUserTask - afterDeploy) / instances,
        (total - afterDeploy) / instances,
        writeMillis,
        replays,
        replays.stream().sorted().toList().get(1),
        opens,
        opens.stream().sorted().toList().get(1));
  }
}
