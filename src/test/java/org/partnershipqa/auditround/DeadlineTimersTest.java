package org.partnershipqa.auditround;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.partnershipqa.auditround.RoundTestApi.child;
import static org.partnershipqa.auditround.RoundTestApi.launchBody;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.TimerRecordValue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.partnershipqa.engine.EmbeddedEngine;
import org.partnershipqa.engine.durable.DurableEngine;
import org.partnershipqa.notification.Notification;
import org.partnershipqa.notification.NotificationRepository;
import org.partnershipqa.support.EngineRecords;
import org.partnershipqa.support.IntegrationTest;
import org.partnershipqa.tasks.Task;
import org.partnershipqa.tasks.TaskDirectory;
import org.partnershipqa.workingdays.WorkingDays;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A round's timers on the real engine, the clock moved forward: the reminder goes only to agencies that have not
 * returned, the deadline flags the missing returns overdue and gives the QA lead one chase task each; a chase
 * withdraws an agency (its task closes) or extends its deadline.
 *
 * <p>Moves the engine clock, so it has an application context (engine, database) of its own, closed afterwards.
 */
@TestPropertySource(properties = "partnershipqa.test.context=deadline-timers")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DeadlineTimersTest extends IntegrationTest {

  static final Map<String, String> AUDITORS = Map.of("police", "auditor.police", "csc", "auditor.csc", "gp", "auditor.gp",
      "schools", "auditor.schools");
  static final Duration WAIT = Duration.ofSeconds(60);

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired EmbeddedEngine engine;
  @Autowired AuditRoundRepository rounds;
  @Autowired AgencyReturnRepository returns;
  @Autowired NotificationRepository notifications;
  @Autowired TaskDirectory taskDirectory;
  @Autowired org.partnershipqa.people.People people;

  @Test
  void reminderThenOverdueThenChaseWithdrawsOneAgencyAndExtendsAnother() throws Exception {
    RoundTestApi api = new RoundTestApi(mvc, json);
    LocalDate deadline = LocalDate.now(WorkingDays.LONDON).plusDays(10);
    long roundId = api.launch(launchBody("Deadline timers", deadline,
        List.of(child("DT/2026/001", "police", "csc", "gp", "schools")))).get("id").asLong();

    // every agency has its audit task; gp returns straight away
    Map<String, Long> auditTask = new HashMap<>();
    for (Map.Entry<String, String> auditor : AUDITORS.entrySet()) {
      JsonNode task = await().atMost(WAIT).until(
          () -> api.openTasks(auditor.getValue(), roundId, "provideReturn"), l -> l.size() == 1).getFirst();
      auditTask.put(auditor.getKey(), task.get("id").asLong());
    }
    api.submit(auditTask.get("gp"), "auditor.gp", api.auditAnswers(auditTask.get("gp"), "auditor.gp", "good"));
    await().atMost(WAIT).until(() -> api.returnOf(roundId, "gp").get("state").asText().equals("RECEIVED"));
    Map<String, Long> returnId = returns.findByRoundIdOrderByIdAsc(roundId).stream()
        .collect(Collectors.toMap(AgencyReturn::getAgencyCode, AgencyReturn::getId));

    // just past the reminder: 09:00 London on the round's reminder date
    AuditRound round = rounds.findById(roundId).orElseThrow();
    assertThat(round.getReminderDate()).isBefore(deadline);
    Instant reminderAt = round.getReminderDate().atTime(9, 0).atZone(WorkingDays.LONDON).toInstant();
    moveEngineClockTo(reminderAt.plus(Duration.ofMinutes(1)));

    await().atMost(WAIT).untilAsserted(() -> {
      assertThat(notifications.existsByDedupeKey("reminder:" + returnId.get("police"))).isTrue();
      assertThat(notifications.existsByDedupeKey("reminder:" + returnId.get("csc"))).isTrue();
      assertThat(notifications.existsByDedupeKey("reminder:" + returnId.get("schools"))).isTrue();
    });
    assertThat(notifications.existsByDedupeKey("reminder:" + returnId.get("gp"))).isFalse();
    List<Notification> reminders = notifications.findBySubjectContainingOrderByIdAsc("Reminder: single-agency audit due");
    String dueInWords = deadline.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK));
    assertThat(reminders).filteredOn(n -> n.getBody().contains("DT/2026/001")).hasSize(3)
        .allSatisfy(n -> assertThat(n.getSubject()).isEqualTo("Reminder: single-agency audit due " + dueInWords));
    assertThat(timersTriggered("reminderDue")).hasSize(3);
    assertThat(api.round(roundId).get("children").get(0).get("returns"))
        .allSatisfy(r -> assertThat(r.get("overdue").asBoolean()).as("overdue %s", r).isFalse());
    assertThat(api.openTasks("qa.lead", roundId, "chaseReturn")).isEmpty();
    assertThat(timersTriggered("returnOverdue")).isEmpty();

    // just past the deadline: 17:00 London
    moveEngineClockTo(WorkingDays.endOfDay(deadline).toInstant().plus(Duration.ofMinutes(1)));

    await().atMost(WAIT).untilAsserted(() -> {
      Map<String, JsonNode> byAgency = returnsByAgency(api, roundId);
      assertThat(byAgency.get("police").get("overdue").asBoolean()).isTrue();
      assertThat(byAgency.get("csc").get("overdue").asBoolean()).isTrue();
      assertThat(byAgency.get("schools").get("overdue").asBoolean()).isTrue();
      assertThat(byAgency.get("gp").get("overdue").asBoolean()).isFalse();
      assertThat(api.openTasks("qa.lead", roundId, "chaseReturn")).hasSize(3);
    });
    // exactly one chase per overdue return, one for each of the three agencies
    Map<String, Long> chaseTask = chaseTasksByAgency(roundId);
    assertThat(chaseTask).containsOnlyKeys("police", "csc", "schools");
    assertThat(api.openTasks("qa.lead", roundId, "chaseReturn")).extracting(t -> t.get("id").asLong())
        .containsExactlyInAnyOrderElementsOf(chaseTask.values());
    Map<Long, Long> overdueTimers = timersTriggered("returnOverdue");
    assertThat(overdueTimers).hasSize(3).allSatisfy((elementInstance, count) -> assertThat(count).isEqualTo(1));
    assertThat(notifications.existsByDedupeKey("overdue:" + returnId.get("police") + ":" + deadline)).isTrue();
    assertThat(notifications.existsByDedupeKey("overdue:" + returnId.get("csc") + ":" + deadline)).isTrue();
    assertThat(notifications.existsByDedupeKey("overdue:" + returnId.get("gp") + ":" + deadline)).isFalse();

    // schools return late, while their chase is open: the return ends the chase in the workflow, and the
    // inbox drops the chase task (its job is gone from the engine) with a note instead of leaving it open
    api.submit(auditTask.get("schools"), "auditor.schools", api.auditAnswers(auditTask.get("schools"), "auditor.schools", "good"));
    await().atMost(WAIT).until(() -> api.returnOf(roundId, "schools").get("state").asText().equals("RECEIVED"));
    JsonNode schoolsChase = await().atMost(WAIT).until(() -> api.task(chaseTask.get("schools"), "qa.lead"),
        t -> t.get("task").get("state").asText().equals("CLOSED"));
    assertThat(schoolsChase.get("closedReason").asText()).contains("no longer needs this task");
    assertThat(api.openTasks("qa.lead", roundId, "chaseReturn")).extracting(t -> t.get("id").asLong())
        .containsExactlyInAnyOrder(chaseTask.get("police"), chaseTask.get("csc"));

    // the QA lead withdraws police from this child's audit
    api.submit(chaseTask.get("police"), "qa.lead",
        Map.of("chaseDecision", "withdraw", "chaseNote", "Police hold no records for this child"));
    await().atMost(WAIT).until(() -> api.returnOf(roundId, "police").get("state").asText().equals("WITHDRAWN"));
    assertThat(returns.findById(returnId.get("police")).orElseThrow().getWithdrawnReason())
        .isEqualTo("Police hold no records for this child");
    JsonNode policeAudit = await().atMost(WAIT).until(() -> api.task(auditTask.get("police"), "auditor.police"),
        t -> t.get("task").get("state").asText().equals("CLOSED"));
    assertThat(policeAudit.get("closedReason").asText()).contains("withdrew").contains("Police hold no records for this child");
    assertThat(api.openTasks("auditor.police", roundId, "provideReturn")).isEmpty();
    RoundTestApi.Reply late = api.postJson("/api/tasks/" + auditTask.get("police") + "/submission",
        api.auditAnswers(auditTask.get("police"), "auditor.police", "good"), "auditor.police");
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.body().get("detail").asText()).contains("closed");
    assertThat(api.returnOf(roundId, "police").get("state").asText()).isEqualTo("WITHDRAWN");

    // and gives children's social care five more days
    LocalDate newDeadline = deadline.plusDays(5);
    api.submit(chaseTask.get("csc"), "qa.lead",
        Map.of("chaseDecision", "extend", "newDeadline", newDeadline.toString(), "chaseNote", "Agreed with the team manager"));
    await().atMost(WAIT).until(() -> api.returnOf(roundId, "csc").get("deadline").asText().equals(newDeadline.toString()));
    JsonNode csc = api.returnOf(roundId, "csc");
    assertThat(csc.get("state").asText()).isEqualTo("AWAITED");
    assertThat(csc.get("overdue").asBoolean()).isFalse();
    JsonNode cscAudit = api.task(auditTask.get("csc"), "auditor.csc");
    assertThat(cscAudit.get("task").get("state").asText()).isEqualTo("OPEN");
    assertThat(Instant.parse(cscAudit.get("task").get("dueAt").asText()))
        .isEqualTo(WorkingDays.endOfDay(newDeadline).toInstant());
    assertThat(api.returnOf(roundId, "gp").get("state").asText()).isEqualTo("RECEIVED");
    assertThat(api.openTasks("qa.lead", roundId, "chaseReturn")).isEmpty();
    assertThat(timersTriggered("returnOverdue")).hasSize(3); // the old deadline does not fire again
  }

  private Map<String, JsonNode> returnsByAgency(RoundTestApi api, long roundId) throws Exception {
    Map<String, JsonNode> byAgency = new HashMap<>();
    api.round(roundId).get("children").get(0).get("returns").forEach(r -> byAgency.put(r.get("agency").asText(), r));
    return byAgency;
  }

  /** Moves the engine clock forward to a moment (the engine clock is real time plus the offset added so far). */
  private void moveEngineClockTo(Instant target) {
    DurableEngine durable = (DurableEngine) engine.engine();
    Duration step = Duration.between(durable.currentTime(), target);
    assertThat(step).as("the engine clock is before %s", target).isPositive();
    durable.increaseTime(step);
  }

  /** Triggered timers of one boundary event, counted per element instance they are attached to. */
  private Map<Long, Long> timersTriggered(String elementId) {
    return records(EngineRecords.records(engine).timerRecords()).stream()
        .filter(r -> r.getIntent() == TimerIntent.TRIGGERED)
        .filter(r -> elementId.equals(r.getValue().getTargetElementId()))
        .collect(Collectors.groupingBy(r -> r.getValue().getElementInstanceKey(), Collectors.counting()));
  }

  /**
   * The round's chase tasks by the agency they chase, matched to the single-agency audit (routed to the agency) in
   * the same agency request; each chase task names that agency.
   */
  private Map<String, Long> chaseTasksByAgency(long roundId) {
    Map<Long, Long> flowScope = new HashMap<>();
    for (Record<ProcessInstanceRecordValue> r : records(EngineRecords.records(engine).processInstanceRecords())) {
      flowScope.putIfAbsent(r.getKey(), r.getValue().getFlowScopeKey());
    }
    List<Task> tasks = taskDirectory.forSubject(AuditRounds.SUBJECT_TYPE, String.valueOf(roundId));
    Map<Long, String> agencyByScope = new HashMap<>();
    tasks.stream().filter(t -> t.getElementId().equals("provideReturn"))
        .forEach(t -> agencyByScope.put(flowScope.get(t.getElementInstanceKey()), t.getCandidateGroups().getFirst()));
    Map<String, Long> chases = new HashMap<>();
    for (Task chase : tasks.stream().filter(t -> t.getElementId().equals("chaseReturn")).toList()) {
      String agency = agencyByScope.get(flowScope.get(chase.getElementInstanceKey()));
      assertThat(agency).as("agency of chase task %s", chase.getId()).isNotNull();
      assertThat(chases.put(agency, chase.getId())).as("a second chase task for %s", agency).isNull();
      assertThat(chase.getCandidateGroups()).containsExactly("qa-lead");
      assertThat(chase.getName()).isEqualTo("Chase " + people.agencyName(agency) + ": Single-agency audit");
    }
    return chases;
  }

  private static <T> List<T> records(Iterable<T> records) {
    return StreamSupport.stream(records.spliterator(), false).toList();
  }
}
