package org.partnershipqa.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.partnershipqa.PartnershipQaApplication;
import org.partnershipqa.engine.EmbeddedEngine;
import org.partnershipqa.engine.Incident;
import org.partnershipqa.engine.Incidents;
import org.partnershipqa.engine.durable.DurableEngine;
import org.partnershipqa.support.EngineRecords;
import org.partnershipqa.support.OpsTestConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An incident raised before a restart is still listed after it, with the same time, although the restart's
 * snapshot compacted its INCIDENT record out of the engine's log (so no fold over the record stream could find
 * it); it can then be retried and its process completes.
 */
class IncidentSurvivesRestartTest {

  @AfterEach
  void reset() {
    OpsTestConfiguration.partnerSystemUp.set(false);
  }

  @Test
  void anIncidentIsStillListedAndRetryableAfterARestartThatCompactedItsRecordAway() throws Exception {
    Path data = Files.createTempDirectory("partnershipqa-incident-restart-");
    OpsTestConfiguration.partnerSystemUp.set(false);
    long instance;
    long incidentPosition;
    Incident before;
    try (ConfigurableApplicationContext app = start(data)) {
      CamundaClient client = app.getBean(CamundaClient.class);
      EmbeddedEngine engine = app.getBean(EmbeddedEngine.class);
      Incidents incidents = app.getBean(Incidents.class);
      client.newDeployResourceCommand().addResourceFromClasspath("ops/ops-flaky-step.bpmn").send().join();
      instance = client.newCreateInstanceCommand().bpmnProcessId("ops-flaky-step").latestVersion()
          .variables(Map.of("subjectType", "concern", "subjectId", "9", "caseReference", "RS-9"))
          .send().join().getProcessInstanceKey();
      await().atMost(Duration.ofSeconds(60)).until(() -> incidents.countFailingJobs().orElse(-1) == 1);
      engine.engine().increaseTime(Duration.ofMinutes(61));
      await().atMost(Duration.ofSeconds(60)).until(() -> incidents.countOpen().orElse(-1) == 1);
      // the watcher notes the new incident's time without anyone looking at it
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      await().atMost(Duration.ofSeconds(60)).until(() ->
          jdbc.queryForObject("select count(*) from engine_incident", Long.class) == 1);
      before = incidents.open().orElseThrow().getFirst();
      assertThat(before.createdAt()).isNotNull();
      incidentPosition = StreamSupport.stream(EngineRecords.records(engine).incidentRecords().spliterator(), false)
          .filter(r -> r.getKey() == before.key() && r.getIntent() == IncidentIntent.CREATED)
          .findFirst().orElseThrow().getPosition();
      // more engine work after the incident, so that its record is not in the last log block (which always stays)
      for (int i = 0; i < 3; i++) {
        client.newPublishMessageCommand().messageName("ops-noise").correlationKey("noise-" + i)
            .timeToLive(Duration.ZERO).send().join();
      }
    } // a clean stop snapshots the engine state and drops the log below the snapshot

    try (ConfigurableApplicationContext app = start(data)) {
      EmbeddedEngine engine = app.getBean(EmbeddedEngine.class);
      Incidents incidents = app.getBean(Incidents.class);
      MeterRegistry meters = app.getBean(MeterRegistry.class);
      DurableEngine durable = (DurableEngine) engine.engine();

      // the incident's record is gone from the log and from the record stream...
      assertThat(durable.firstLogPosition()).isGreaterThan(incidentPosition);
      assertThat(StreamSupport.stream(EngineRecords.records(engine).incidentRecords().spliterator(), false)
          .filter(r -> r.getKey() == before.key())).isEmpty();
      // ...but the engine's state still has it, and the time it was first seen is kept
      assertThat(incidents.open().orElseThrow()).containsExactly(before);
      assertThat(before.subjectType()).isEqualTo("concern");
      assertThat(before.caseReference()).isEqualTo("RS-9");
      assertThat(meters.get("partnershipqa.incidents.open").gauge().value()).isEqualTo(1.0);
      assertThat(meters.get("partnershipqa.engine.snapshot.position").gauge().value())
          .isEqualTo((double) durable.snapshotPosition()).isGreaterThan(0);
      assertThat(meters.get("partnershipqa.engine.snapshot.age").gauge().value()).isBetween(0.0, 600.0);
      assertThat(meters.get("partnershipqa.engine.log.size").gauge().value())
          .isEqualTo((double) durable.logSizeBytes()).isGreaterThan(0);

      // retried after the restart, the step runs again and the process completes
      OpsTestConfiguration.partnerSystemUp.set(true);
      incidents.retry(before);
      await().atMost(Duration.ofSeconds(60)).until(() ->
          StreamSupport.stream(EngineRecords.records(engine).processInstanceRecords().spliterator(), false)
              .anyMatch(r -> r.getKey() == instance && r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
                  && r.getValue().getBpmnElementType() == BpmnElementType.PROCESS));
      assertThat(incidents.open().orElseThrow()).isEmpty();
      assertThat(meters.get("partnershipqa.incidents.open").gauge().value()).isZero();
    }
  }

  private static ConfigurableApplicationContext start(Path data) {
    return new SpringApplicationBuilder(PartnershipQaApplication.class, OpsTestConfiguration.class).run(
        "--partnershipqa.data-dir=" + data, "--server.port=0", "--partnershipqa.engine.embedded-port=0",
        "--camunda.client.worker.defaults.poll-interval=PT0.2S", "--partnershipqa.incidents.watch-interval=PT0.5S");
  }
}
