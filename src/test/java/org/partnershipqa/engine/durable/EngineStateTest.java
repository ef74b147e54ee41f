package org.partnershipqa.engine.durable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.partnershipqa.engine.durable.EngineTestSupport.WAIT;
import static org.partnershipqa.engine.durable.EngineTestSupport.activate;
import static org.partnershipqa.engine.durable.EngineTestSupport.client;
import static org.partnershipqa.engine.durable.EngineTestSupport.freePort;
import static org.partnershipqa.engine.durable.EngineTestSupport.idle;
import static org.partnershipqa.engine.durable.EngineTestSupport.records;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's own state, read beside the running engine: a job that fails with retries left is counted as
 * failing; once out of retries it is an open incident (with the variables in its scope), and it is still
 * there after a restart that compacted its INCIDENT record out of the log.
 */
class EngineStateTest {

  private static final String PROCESS = "state-read";
  private static final String JOB = "state-read-step";
  private static final List<String> VARIABLES = List.of("subjectId", "caseReference");

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
    engine =
        DurableEngineFactory.create(
            port, directory, DurableEngineOptions.defaults().withSnapshots(Duration.ZERO, true));
    engine.start();
    client = client(port);
  }

  private void restart() {
    client.close();
    engine.stop();
    open();
  }

  @Test
  void incidentsAndFailingJobsComeFromTheEngineStateAndSurviveCompaction() {
    open();
    assertThat(engine.snapshotTime()).isEmpty();
    client
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess(PROCESS)
                .startEvent()
                .subProcess("child", s -> s.embeddedSubProcess().startEvent()
                    .serviceTask("step", t -> t.zeebeJobType(JOB).zeebeJobRetries("2")
                        .zeebeInput("=\"C-77\"", "caseReference"))
                    .endEvent())
                .endEvent()
                .done(),
            "state-read.bpmn")
        .send()
        .join();
    final long instance =
        client.newCreateInstanceCommand().bpmnProcessId(PROCESS).latestVersion()
            .variables(Map.of("subjectId", "77")).send().join().getProcessInstanceKey();
    assertThat(engine.state().failingJobCount()).hasValue(0);

    // first attempt fails with a retry left and a long back-off: failing, no incident
    ActivatedJob job = activate(client, JOB, 1).getFirst();
    client.newFailCommand(job.getKey()).retries(1).retryBackoff(Duration.ofHours(1))
        .errorMessage("partner system down").send().join();
    idle(engine);
    assertThat(engine.state().failingJobCount()).hasValue(1);
    assertThat(engine.state().incidentCount()).hasValue(0);

    // after the back-off the second attempt fails out of retries: an incident, no longer "failing"
    engine.increaseTime(Duration.ofHours(2));
    job = activate(client, JOB, 1).getFirst();
    client.newFailCommand(job.getKey()).retries(0).errorMessage("partner system still down").send().join();
    await().atMost(WAIT).until(() -> engine.state().incidentCount().orElse(-1) == 1);
    assertThat(engine.state().failingJobCount()).hasValue(0);
    EngineState.OpenIncident incident = engine.state().incidents(VARIABLES).orElseThrow().getFirst();
    assertThat(incident.bpmnProcessId()).isEqualTo(PROCESS);
    assertThat(incident.elementId()).isEqualTo("step");
    assertThat(incident.errorType()).isEqualTo("JOB_NO_RETRIES");
    assertThat(incident.errorMessage()).isEqualTo("partner system still down");
    assertThat(incident.jobKey()).isEqualTo(job.getKey());
    assertThat(incident.processInstanceKey()).isEqualTo(instance);
    // the case reference is local to the task, the subject belongs to the whole instance
    assertThat(incident.variables()).containsEntry("caseReference", "C-77").containsEntry("subjectId", "77");
    assertThat(engine.state().incident(incident.key(), VARIABLES)).contains(incident);
    assertThat(engine.state().incident(incident.key() + 1000, VARIABLES)).isEmpty();
    final long incidentPosition =
        records(engine, ValueType.INCIDENT, IncidentIntent.CREATED).getFirst().getPosition();

    // more work after the incident, so that its record is not in the last log block (which always stays)
    client.newDeployResourceCommand()
        .addProcessModel(Bpmn.createExecutableProcess("later").startEvent().endEvent().done(), "later.bpmn")
        .send().join();
    client.newCreateInstanceCommand().bpmnProcessId("later").latestVersion().send().join();
    idle(engine);

    final Instant beforeStop = Instant.now();
    restart(); // a snapshot on stop; the log below it is dropped
    assertThat(engine.firstLogPosition()).isGreaterThan(incidentPosition);
    assertThat(records(engine, ValueType.INCIDENT, IncidentIntent.CREATED)).isEmpty();
    assertThat(engine.snapshotTime()).hasValueSatisfying(t -> assertThat(t).isAfterOrEqualTo(
        beforeStop.minusSeconds(1)));
    assertThat(engine.state().incidents(VARIABLES).orElseThrow()).containsExactly(incident);

    // the engine accepts the usual repair on the incident it still knows
    client.newUpdateRetriesCommand(incident.jobKey()).retries(1).send().join();
    client.newResolveIncidentCommand(incident.key()).send().join();
    await().atMost(WAIT).until(() -> engine.state().incidentCount().orElse(-1) == 0);
    job = activate(client, JOB, 1).getFirst();
    assertThat(job.getRetries()).isEqualTo(1);
    // activated again by a worker: being retried, not counted as waiting to fail again
    assertThat(engine.state().failingJobCount()).hasValue(0);
  }

  @Test
  void nothingIsReadOnceTheEngineStops() {
    open();
    assertThat(engine.state().incidentCount()).hasValue(0);
    final EngineState state = engine.state();
    client.close();
    client = null;
    engine.stop();
    engine = null;
    assertThat(state.incidentCount()).isEmpty();
    assertThat(state.failingJobCount()).isEmpty();
    assertThat(state.incidents(VARIABLES)).isEmpty();
  }
}
