package org.partnershipqa.engine.durable;

import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.Intent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.slf4j.LoggerFactory;

/** Shared helpers for the durable engine tests. */
final class EngineTestSupport {

  static final String PROCESS_ID = "durable-review";
  static final String USER_TASK_JOB = "io.camunda.zeebe:userTask";
  static final String AFTER_TIMER_JOB = "after-review";
  static final Duration WAIT = Duration.ofSeconds(30);

  private EngineTestSupport() {}

  static {
    // the engine logs a lot at DEBUG (logback's default without a config file)
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(Level.INFO);
  }

  /** A job-worker user task, then a one-hour timer, then a service task. */
  static BpmnModelInstance reviewProcess() {
    return Bpmn.createExecutableProcess(PROCESS_ID)
        .startEvent()
        .userTask("review")
        .intermediateCatchEvent("wait-an-hour")
        .timerWithDuration("PT1H")
        .serviceTask("after-review", t -> t.zeebeJobType(AFTER_TIMER_JOB))
        .endEvent()
        .done();
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static CamundaClient client(final int port) {
    return CamundaClient.newClientBuilder()
        .applyEnvironmentVariableOverrides(false)
        .grpcAddress(URI.create("http://localhost:" + port))
        .preferRestOverGrpc(false)
        .defaultRequestTimeout(Duration.ofSeconds(20))
        .build();
  }

  static void deploy(final CamundaClient client) {
    client.newDeployResourceCommand().addProcessModel(reviewProcess(), "review.bpmn").send().join();
  }

  static long createInstance(final CamundaClient client) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(PROCESS_ID)
        .latestVersion()
        .send()
        .join()
        .getProcessInstanceKey();
  }

  /** Activates jobs of a type until {@code expected} have been handed out (bounded wait). */
  static List<ActivatedJob> activate(final CamundaClient client, final String type, final int expected) {
    final List<ActivatedJob> jobs = new ArrayList<>();
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              jobs.addAll(
                  client
                      .newActivateJobsCommand()
                      .jobType(type)
                      .maxJobsToActivate(expected - jobs.size())
                      .timeout(Duration.ofDays(30))
                      .requestTimeout(Duration.ofMillis(200))
                      .send()
                      .join()
                      .getJobs());
              return jobs.size() >= expected;
            });
    return jobs;
  }

  /** After the engine went idle, no job of this type can be activated. */
  static List<ActivatedJob> activateNow(final CamundaClient client, final String type) {
    return client
        .newActivateJobsCommand()
        .jobType(type)
        .maxJobsToActivate(100)
        .timeout(Duration.ofDays(30))
        .requestTimeout(Duration.ofMillis(200))
        .send()
        .join()
        .getJobs();
  }

  static void idle(final ZeebeTestEngine engine) {
    try {
      engine.waitForIdleState(WAIT);
    } catch (Exception e) {
      throw new AssertionError("engine did not become idle", e);
    }
  }

  static List<Record<?>> records(final ZeebeTestEngine engine, final ValueType type, final Intent intent) {
    return StreamSupport.stream(engine.getRecordStreamSource().getRecords().spliterator(), false)
        .filter(r -> r.getValueType() == type && r.getIntent() == intent)
        .toList();
  }
}
