package org.partnershipqa.auditround.process;

import org.partnershipqa.support.ProcessEngineFixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.partnershipqa.support.ProcessEngineFixture.FORM_KEY;
import static org.partnershipqa.support.ProcessEngineFixture.USER_TASK;
import static org.partnershipqa.support.ProcessEngineFixture.candidateGroups;
import static org.partnershipqa.support.ProcessEngineFixture.dueDate;
import static org.partnershipqa.support.ProcessEngineFixture.variable;

import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.process.test.filters.StreamFilter;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.grpc.Status;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** bpmn/themed-audit-round.bpmn on the embedded engine, driven job by job as the app's workers would. */
class ThemedAuditRoundProcessTest {

  private static final String PROCESS = "themed-audit-round";

  private ProcessEngineFixture zeebe;
  private OffsetDateTime deadline;
  private OffsetDateTime reminderAt;

  @BeforeEach
  void startEngine() {
    zeebe = new ProcessEngineFixture("themed-audit-round.bpmn");
    deadline = zeebe.engineNow().plusDays(7);
    reminderAt = zeebe.engineNow().plusDays(5);
  }

  @AfterEach
  void stopEngine() {
    zeebe.close();
  }

  private long launch(List<Map<String, Object>> children) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("roundId", 42);
    variables.put("subjectType", "audit-round");
    variables.put("subjectId", "42");
    variables.put("children", children);
    variables.put("deadline", deadline.toString());
    variables.put("reminderAt", reminderAt.toString());
    return zeebe.start(PROCESS, variables);
  }

  private static Map<String, Object> child(String caseReference, String... agencies) {
    return Map.of("caseReference", caseReference, "agencies", List.of(agencies));
  }

  private static Map<String, ActivatedJob> byAgency(List<ActivatedJob> jobs) {
    return jobs.stream().collect(Collectors.toMap(j -> variable(j, "agency"), Function.identity()));
  }

  private static Map<String, Object> singleAgencyAnswers(String grade) {
    return Map.of(
        "evidence", "Case file and chronology, last 12 months",
        "disagreementArose", "no",
        "escalationPolicyUsed", "not-applicable",
        "voiceOfChild", "Seen alone twice; wishes recorded",
        "overallGrade", grade);
  }

  @Test
  void happyPathRunsEveryReturnModeratesEachChildAndClosesAfterOneReturnFromSignOff() {
    long round = launch(List.of(child("C-1001", "police", "health", "csc"), child("C-1002", "police", "education")));

    // one single-agency audit per agency per child, routed to that agency, due at the deadline
    List<ActivatedJob> audits = zeebe.awaitUserTasks("singleAgencyAudit", 5);
    Map<String, List<String>> agenciesByChild = audits.stream().collect(Collectors.groupingBy(
        j -> variable(j, "caseReference"), Collectors.mapping(j -> variable(j, "agency"), Collectors.toList())));
    assertThat(agenciesByChild).containsOnlyKeys("C-1001", "C-1002");
    assertThat(agenciesByChild.get("C-1001")).containsExactlyInAnyOrder("police", "health", "csc");
    assertThat(agenciesByChild.get("C-1002")).containsExactlyInAnyOrder("police", "education");
    for (ActivatedJob audit : audits) {
      assertThat(candidateGroups(audit)).containsExactly(variable(audit, "agency"));
      assertThat(audit.getCustomHeaders()).containsEntry(FORM_KEY, "single-agency-audit");
      assertThat(dueDate(audit)).isEqualTo(deadline.toInstant());
    }

    // each return's grade reaches its own record-return job (the parallel returns do not overwrite each other)
    Map<Long, String> gradeByAudit = new HashMap<>();
    String[] grades = {"outstanding", "good", "requires-improvement", "inadequate", "good"};
    for (int i = 0; i < audits.size(); i++) {
      gradeByAudit.put(audits.get(i).getElementInstanceKey(), grades[i]);
      zeebe.complete(audits.get(i), singleAgencyAnswers(grades[i]));
    }
    List<ActivatedJob> records = zeebe.awaitJobs("audit.record-return", 5);
    Map<String, String> expectedGrade = new HashMap<>();
    for (ActivatedJob audit : audits) {
      expectedGrade.put(variable(audit, "caseReference") + "/" + variable(audit, "agency"),
          gradeByAudit.get(audit.getElementInstanceKey()));
    }
    for (ActivatedJob record : records) {
      assertThat(variable(record, "returnGrade"))
          .isEqualTo(expectedGrade.get(variable(record, "caseReference") + "/" + variable(record, "agency")));
    }
    zeebe.completeAll(records);

    // one multi-agency discussion per child
    List<ActivatedJob> discussions = zeebe.awaitUserTasks("multiAgencyDiscussion", 2);
    assertThat(discussions).extracting(j -> variable(j, "caseReference"))
        .containsExactlyInAnyOrder("C-1001", "C-1002");
    for (ActivatedJob discussion : discussions) {
      assertThat(candidateGroups(discussion)).containsExactly("qa-lead", "pqa-member");
      assertThat(discussion.getCustomHeaders()).containsEntry(FORM_KEY, "multi-agency-discussion");
      String grade = variable(discussion, "caseReference").equals("C-1001") ? "good" : "requires-improvement";
      zeebe.complete(discussion, Map.of("agreedGrade", grade, "rationale", "Agreed at the discussion"));
    }
    List<ActivatedJob> moderations = zeebe.awaitJobs("audit.record-moderation", 2);
    assertThat(moderations).extracting(j -> variable(j, "caseReference") + "=" + variable(j, "agreedGrade"))
        .containsExactlyInAnyOrder("C-1001=good", "C-1002=requires-improvement");
    zeebe.completeAll(moderations);

    zeebe.completeAll(zeebe.awaitJobs("audit.compile-findings", 1));
    zeebe.completeAll(zeebe.awaitJobs("audit.draft-briefing", 1));

    // review, then sign-off returns it with comments, review again, then approve
    ActivatedJob review = zeebe.awaitUserTasks("reviewFindings", 1).get(0);
    assertThat(candidateGroups(review)).containsExactly("qa-lead");
    assertThat(review.getCustomHeaders()).containsEntry(FORM_KEY, "review-findings");
    zeebe.complete(review, Map.of("readyForSignOff", true));

    ActivatedJob signOff = zeebe.awaitUserTasks("signOff", 1).get(0);
    assertThat(candidateGroups(signOff)).containsExactly("pqa-member");
    assertThat(signOff.getCustomHeaders()).containsEntry(FORM_KEY, "sign-off");
    zeebe.complete(signOff, Map.of("signOffDecision", "return", "signOffComments", "Add the health actions"));
    ActivatedJob recordReturned = zeebe.awaitJobs("audit.record-sign-off", 1).get(0);
    assertThat(variable(recordReturned, "signOffDecision")).isEqualTo("return");
    zeebe.complete(recordReturned);

    zeebe.complete(zeebe.awaitUserTasks("reviewFindings", 1).get(0), Map.of("readyForSignOff", true));
    zeebe.complete(zeebe.awaitUserTasks("signOff", 1).get(0), Map.of("signOffDecision", "approve"));
    ActivatedJob recordApproved = zeebe.awaitJobs("audit.record-sign-off", 1).get(0);
    assertThat(variable(recordApproved, "signOffDecision")).isEqualTo("approve");
    zeebe.complete(recordApproved);
    zeebe.completeAll(zeebe.awaitJobs("audit.close-round", 1));

    zeebe.assertInstance(round)
        .isCompleted()
        .hasNoIncidents()
        .hasPassedElementsInOrder(
            "roundLaunched",
            "auditChild", "auditChild", "auditChild", // the two children, then the multi-instance body
            "compileFindings", "draftBriefing",
            "reviewFindings", "signOff", "recordSignOff",
            "reviewFindings", "signOff", "recordSignOff",
            "closeRound", "roundClosed")
        .hasPassedElement("singleAgencyAudit", 5)
        .hasPassedElement("multiAgencyDiscussion", 2)
        .hasNotPassedElement("sendReminder")
        .hasNotPassedElement("flagOverdue");
    assertThat(zeebe.activations(round, "signOff")).isEqualTo(2);
    // the task's own answers stay on the task: only the mapped grade leaves it
    assertThat(StreamFilter.variable(zeebe.records()).withProcessInstanceKey(round).stream()
            .filter(r -> r.getValue().getScopeKey() == round).map(r -> r.getValue().getName()).distinct())
        .doesNotContain("overallGrade", "evidence", "returnGrade", "agreedGrade", "rationale");
  }

  @Test
  void remindsOpenReturnsOnceThenChasesOverdueOnesUntilExtendedOrWithdrawn() {
    long round = launch(List.of(child("C-2001", "police", "health", "csc")));
    Map<String, ActivatedJob> audits = byAgency(zeebe.awaitUserTasks("singleAgencyAudit", 3));

    // police returns before the reminder
    zeebe.complete(audits.get("police"), singleAgencyAnswers("good"));
    zeebe.completeAll(zeebe.awaitJobs("audit.record-return", 1));

    // past reminderAt: one reminder for each return still open
    zeebe.increaseTime(Duration.ofDays(5).plusHours(1));
    List<ActivatedJob> reminders = zeebe.awaitJobs("audit.send-reminder", 2);
    assertThat(reminders).extracting(j -> variable(j, "agency")).containsExactlyInAnyOrder("health", "csc");
    zeebe.completeAll(reminders);
    zeebe.assertNoJobs("audit.send-reminder", null);
    zeebe.assertNoJobs("audit.flag-overdue", null);

    // past the deadline: both open returns are flagged and chased by the QA lead
    zeebe.increaseTime(Duration.ofDays(2));
    List<ActivatedJob> flags = zeebe.awaitJobs("audit.flag-overdue", 2);
    assertThat(flags).extracting(j -> variable(j, "agency")).containsExactlyInAnyOrder("health", "csc");
    zeebe.completeAll(flags);
    Map<String, ActivatedJob> chases = byAgency(zeebe.awaitUserTasks("chaseReturn", 2));
    for (ActivatedJob chase : chases.values()) {
      assertThat(candidateGroups(chase)).containsExactly("qa-lead");
      assertThat(chase.getCustomHeaders()).containsEntry(FORM_KEY, "chase-return");
    }

    // csc returns late while being chased: the return ends the chase
    zeebe.complete(audits.get("csc"), singleAgencyAnswers("requires-improvement"));
    zeebe.completeAll(zeebe.awaitJobs("audit.record-return", 1));
    assertThat(zeebe.jobCanceled(chases.get("csc").getKey())).as("csc's chase task cancelled").isTrue();

    // health: the QA lead extends the deadline; the app's worker sets the new returnDeadline
    zeebe.complete(chases.get("health"),
        Map.of("chaseDecision", "extend", "newDeadline", "2030-01-01", "chaseNote", "Auditor on leave"));
    ActivatedJob extend = zeebe.awaitJobs("audit.extend-deadline", 1).get(0);
    assertThat(variable(extend, "agency")).isEqualTo("health");
    assertThat(variable(extend, "chaseDecision")).isEqualTo("extend");
    assertThat(variable(extend, "newDeadline")).isEqualTo("2030-01-01");
    OffsetDateTime newDeadline = zeebe.engineNow().plusDays(2);
    zeebe.complete(extend, Map.of("returnDeadline", newDeadline.toString()));
    zeebe.assertNoJobs("audit.flag-overdue", null);

    // past the new deadline: flagged again, chased again, and this time withdrawn
    zeebe.increaseTime(Duration.ofDays(2).plusHours(1));
    ActivatedJob flagAgain = zeebe.awaitJobs("audit.flag-overdue", 1).get(0);
    assertThat(variable(flagAgain, "agency")).isEqualTo("health");
    assertThat(variable(flagAgain, "returnDeadline")).isEqualTo(newDeadline.toString());
    zeebe.complete(flagAgain);
    ActivatedJob chaseAgain = zeebe.awaitUserTasks("chaseReturn", 1).get(0);
    assertThat(variable(chaseAgain, "agency")).isEqualTo("health");
    zeebe.complete(chaseAgain, Map.of("chaseDecision", "withdraw", "chaseNote", "No capacity this quarter"));
    ActivatedJob withdrawal = zeebe.awaitJobs("audit.record-withdrawal", 1).get(0);
    assertThat(variable(withdrawal, "agency")).isEqualTo("health");
    zeebe.complete(withdrawal);

    // the withdrawn agency's audit task is gone, and the child moves on to the discussion
    assertThat(zeebe.jobCanceled(audits.get("health").getKey())).as("health's audit task cancelled").isTrue();
    ActivatedJob discussion = zeebe.awaitUserTasks("multiAgencyDiscussion", 1).get(0);
    assertThat(variable(discussion, "caseReference")).isEqualTo("C-2001");
    zeebe.assertNoJobs(USER_TASK, null);

    zeebe.assertInstance(round)
        .isActive()
        .hasNoIncidents()
        .hasPassedElement("sendReminder", 2)
        .hasPassedElement("flagOverdue", 3)
        .hasPassedElement("extendDeadline", 1)
        .hasPassedElement("waitNewDeadline", 1)
        .hasPassedElement("recordWithdrawal", 1)
        .hasPassedElement("returnWithdrawn", 1)
        .hasPassedElement("returnReceived", 2);
    // nothing of the agencies' returns is left running: no reminder, chase or timer of the withdrawn agency
    assertThat(zeebe.activeElements(round)).containsExactlyInAnyOrder(
        PROCESS, "auditChild", "auditChild", "multiAgencyDiscussion");
  }

  @Test
  void aReturnSubmittedAfterItsAgencyWasWithdrawnIsRejected() {
    long round = launch(List.of(child("C-3001", "police", "health")));
    Map<String, ActivatedJob> audits = byAgency(zeebe.awaitUserTasks("singleAgencyAudit", 2));
    zeebe.complete(audits.get("police"), singleAgencyAnswers("good"));
    zeebe.completeAll(zeebe.awaitJobs("audit.record-return", 1));

    zeebe.increaseTime(Duration.ofDays(8));
    zeebe.completeAll(zeebe.awaitJobs("audit.send-reminder", 1));
    zeebe.completeAll(zeebe.awaitJobs("audit.flag-overdue", 1));
    zeebe.complete(zeebe.awaitUserTasks("chaseReturn", 1).get(0),
        Map.of("chaseDecision", "withdraw", "chaseNote", "Not involved after all"));
    zeebe.completeAll(zeebe.awaitJobs("audit.record-withdrawal", 1));
    assertThat(zeebe.jobCanceled(audits.get("health").getKey())).isTrue();

    ActivatedJob late = audits.get("health");
    assertThatThrownBy(() -> zeebe.client().newCompleteCommand(late.getKey())
            .variables(singleAgencyAnswers("good")).send().join())
        .isInstanceOfSatisfying(ClientStatusException.class,
            e -> assertThat(e.getStatusCode()).isEqualTo(Status.Code.NOT_FOUND));
    zeebe.idle();

    zeebe.assertNoJobs("audit.record-return", null);
    zeebe.awaitUserTasks("multiAgencyDiscussion", 1);
    zeebe.assertInstance(round).hasPassedElement("recordReturn", 1).hasNoIncidents();
    assertThat(StreamFilter.processInstance(zeebe.records()).withProcessInstanceKey(round)
            .withElementId("singleAgencyAudit").withIntent(ProcessInstanceIntent.ELEMENT_TERMINATED).stream().count())
        .isEqualTo(1);
  }

  @Test
  void aLaunchRepeatedWithTheSameCorrelationKeyStartsOneInstanceWhileTheFirstRuns() {
    Map<String, Object> variables = Map.of("roundId", 77, "subjectType", "audit-round", "subjectId", "77",
        "children", List.of(child("C-7001", "police")),
        "deadline", zeebe.engineNow().plusDays(7).toString(), "reminderAt", zeebe.engineNow().plusDays(5).toString());
    long first = zeebe.start("themed-audit-round", "round-77", variables);
    zeebe.awaitUserTasks("singleAgencyAudit", 1);

    // the app retries a launch whose confirmation it lost in a crash: same correlation key, no second instance
    zeebe.client().newPublishMessageCommand().messageName("audit-round-launched").correlationKey("round-77")
        .timeToLive(Duration.ZERO).variables(variables).send().join();
    zeebe.idle();

    assertThat(zeebe.instances("themed-audit-round")).containsExactly(first);
  }
}
