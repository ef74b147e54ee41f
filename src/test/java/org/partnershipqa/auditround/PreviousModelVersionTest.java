package org.partnershipqa.auditround;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.partnershipqa.auditround.RoundTestApi.child;
import static org.partnershipqa.auditround.RoundTestApi.launchBody;
import static org.partnershipqa.support.EngineRecords.assertProcessInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.response.Process;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.partnershipqa.engine.EmbeddedEngine;
import org.partnershipqa.engine.ProcessModels;
import org.partnershipqa.engine.durable.DurableEngine;
import org.partnershipqa.support.IntegrationTest;
import org.partnershipqa.tasks.Task;
import org.partnershipqa.tasks.TaskDirectory;
import org.partnershipqa.workingdays.WorkingDays;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Rounds run for weeks and installations upgrade mid-round: a round started on the version 1 model (agency returns
 * inside the round's own process, before agency requests) finishes after the current models are deployed, through
 * the steps that version names — a return, an overdue flag, a chase and a withdrawal — while a round launched after
 * the upgrade runs on the new version.
 *
 * <p>Deploys an old model and moves the engine clock, so it has an application context of its own.
 */
@TestPropertySource(properties = "partnershipqa.test.context=previous-model-version")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PreviousModelVersionTest extends IntegrationTest {

  static final Duration WAIT = Duration.ofSeconds(60);
  static final String VERSION_1 = "src/test/resources/bpmn-previous/themed-audit-round-v1.bpmn";

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired CamundaClient client;
  @Autowired EmbeddedEngine engine;
  @Autowired ProcessModels models;
  @Autowired TaskDirectory taskDirectory;

  @Test
  void aRoundStartedOnVersionOneFinishesAfterTheUpgradeWhileNewRoundsUseTheNewVersion() throws Exception {
    RoundTestApi api = new RoundTestApi(mvc, json);
    Process old = deploy(List.of(Map.entry("themed-audit-round.bpmn", Files.readAllBytes(Path.of(VERSION_1)))))
        .stream().filter(p -> p.getBpmnProcessId().equals("themed-audit-round")).findFirst().orElseThrow();

    LocalDate deadline = LocalDate.now(WorkingDays.LONDON).plusDays(10);
    long roundId = api.launch(launchBody("Started before the upgrade", deadline,
        List.of(child("PV/2026/001", "police", "csc")))).get("id").asLong();
    long policeTask = await().atMost(WAIT).until(() -> api.openTasks("auditor.police", roundId, "singleAgencyAudit"),
        l -> l.size() == 1).getFirst().get("id").asLong();
    long cscTask = await().atMost(WAIT).until(() -> api.openTasks("auditor.csc", roundId, "singleAgencyAudit"),
        l -> l.size() == 1).getFirst().get("id").asLong();
    long instance = roundTasks(roundId).getFirst().getProcessInstanceKey();
    assertThat(roundTasks(roundId)).allSatisfy(t -> assertThat(t.getProcessDefinitionKey()).isEqualTo(old.getProcessDefinitionKey()));

    // the upgrade: the current models are deployed, the round's instance stays on version 1
    Process current = deploy(models.resources().stream().map(r -> Map.entry(r.name(), r.content())).toList())
        .stream().filter(p -> p.getBpmnProcessId().equals("themed-audit-round")).findFirst().orElseThrow();
    assertThat(current.getVersion()).isGreaterThan(old.getVersion());

    // police return through version 1's record step
    api.submit(policeTask, "auditor.police", api.auditAnswers(policeTask, "auditor.police", "good"));
    await().atMost(WAIT).until(() -> api.returnOf(roundId, "police").get("state").asText().equals("RECEIVED"));

    // csc is overdue: version 1's overdue flag and chase, and the QA lead withdraws csc
    moveEngineClockTo(WorkingDays.endOfDay(deadline).toInstant().plus(Duration.ofMinutes(1)));
    await().atMost(WAIT).until(() -> api.returnOf(roundId, "csc").get("overdue").asBoolean());
    long chase = await().atMost(WAIT).until(() -> api.openTasks("qa.lead", roundId, "chaseReturn"), l -> l.size() == 1)
        .getFirst().get("id").asLong();
    api.submit(chase, "qa.lead", Map.of("chaseDecision", "withdraw", "chaseNote", "No involvement in the period"));
    await().atMost(WAIT).until(() -> api.returnOf(roundId, "csc").get("state").asText().equals("WITHDRAWN"));
    await().atMost(WAIT).until(() -> api.task(cscTask, "auditor.csc").get("task").get("state").asText().equals("CLOSED"));

    // moderation, review and sign-off, to the end
    long discussion = await().atMost(WAIT).until(() -> api.openTasks("pqa.member", roundId, "multiAgencyDiscussion"),
        l -> l.size() == 1).getFirst().get("id").asLong();
    api.submit(discussion, "pqa.member", Map.of("agreedGrade", "good", "rationale", "Police practice was timely"));
    long review = await().atMost(WAIT).until(() -> api.openTasks("qa.lead", roundId, "reviewFindings"),
        l -> l.size() == 1).getFirst().get("id").asLong();
    api.submit(review, "qa.lead", Map.of("readyForSignOff", true));
    long signOff = await().atMost(WAIT).until(() -> api.openTasks("pqa.member", roundId, "signOff"),
        l -> l.size() == 1).getFirst().get("id").asLong();
    api.submit(signOff, "pqa.member", Map.of("signOffDecision", "approve"));
    await().atMost(WAIT).until(() -> api.round(roundId).get("state").asText().equals("CLOSED"));

    await().atMost(WAIT).untilAsserted(() -> assertProcessInstance(engine, instance).isCompleted().hasNoIncidents()
        .hasPassedElement("recordReturn", 1).hasPassedElement("flagOverdue", 1)
        .hasPassedElement("recordWithdrawal", 1).hasNotCalledProcess());
    assertThat(roundTasks(roundId)).allSatisfy(t -> {
      assertThat(t.getBpmnProcessId()).isEqualTo("themed-audit-round");
      assertThat(t.getProcessDefinitionKey()).isEqualTo(old.getProcessDefinitionKey());
    });

    // a round launched now runs on the current version and calls agency requests
    long newRound = api.launch(launchBody("Started after the upgrade", deadline.plusDays(30),
        List.of(child("PV/2026/002", "police")))).get("id").asLong();
    await().atMost(WAIT).until(() -> api.openTasks("auditor.police", newRound, "provideReturn"), l -> l.size() == 1);
    Task request = roundTasks(newRound).getFirst();
    assertThat(request.getBpmnProcessId()).isEqualTo("agency-request");
    assertThat(request.getName()).isEqualTo("Single-agency audit");
  }

  private List<Task> roundTasks(long roundId) {
    return taskDirectory.forSubject(AuditRounds.SUBJECT_TYPE, String.valueOf(roundId));
  }

  private List<Process> deploy(List<Map.Entry<String, byte[]>> resources) {
    DeployResourceCommandStep2 step = null;
    for (Map.Entry<String, byte[]> r : resources) {
      step = step == null ? client.newDeployResourceCommand().addResourceBytes(r.getValue(), r.getKey())
          : step.addResourceBytes(r.getValue(), r.getKey());
    }
    return step.send().join().getProcesses();
  }

  private void moveEngineClockTo(Instant target) {
    DurableEngine durable = (DurableEngine) engine.engine();
    Duration step = Duration.between(durable.currentTime(), target);
    assertThat(step).as("the engine clock is before %s", target).isPositive();
    durable.increaseTime(step);
  }
}
