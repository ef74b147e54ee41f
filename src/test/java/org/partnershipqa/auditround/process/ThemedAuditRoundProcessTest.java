package org.partnershipqa.auditround.process;

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
import org.partnershipqa.support.ProcessEngineFixture;

/**
 * bpmn/themed-audit-round.bpmn with the agency request it calls (bpmn/agency-request.bpmn) on the embedded engine,
 * driven job by job as the app's workers would. The agency request's own timers and chase loop are tested in
 * {@code AgencyRequestProcessTest}; here: what the round passes to it and gets back.
 */
class ThemedAuditRoundProcessTest {

  private static final String PROCESS = "themed-audit-round";

  private ProcessEngineFixture zeebe;
  private OffsetDateTime deadline;
  private OffsetDateTime reminderAt;

  @BeforeEach
  void startEngine() {
    zeebe = new ProcessEngineFixture("themed-audit-round.bpmn", "agency-request.bpmn", "briefing-sign-off.bpmn");
    deadline = zeebe.engineNow().plusDays(7);
    reminderAt = zeebe.engineNow().plusDays(5);
  }

  @AfterEach
  void stopEngine() {
    zeebe.close();
  }

  private Map<String, Object> launchVariables(int roundId, List<Map<String, Object>> children) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("roundId", roundId);
    variables.put("subjectType", "audit-round");
    variables.put("subjectId", String.valueOf(roundId));
    variables.put("children", children);
    variables.put("deadline", deadline.toString());
    variables.put("reminderAt", reminderAt.toString());
    variables.put("reminderLeadDays", 3);
    variables.put("workingDays", true);
    return variables;
  }

  private long launch(List<Map<String, Object>> children) {
    return zeebe.start(PROCESS, launchVariables(42, children));
  }

  private static Map<String, Object> child(String caseReference, String... agencies) {
    return Map.of("caseReference", caseReference, "agencies", List.of(agencies));
  }

  /** The agency requests' schedule steps, with the dates the app's worker would work out. */
  private void scheduleRequests(int count) {
    for (ActivatedJob job : zeebe.awaitJobs("agency-request.schedule", count)) {
      assertThat(variable(job, "deadline")).isEqualTo(deadline.toString());
      assertThat(variable(job, "reminderLeadDays")).isEqualTo("3");
      assertThat(variable(job, "workingDays")).isEqualTo("true");
      zeebe.complete(job, Map.of("dueAt", deadline.toString(), "reminderAt", reminderAt.toString(),
          "agencyName", variable(job, "agency").toUpperCase()));
    }
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
  void happyPathRequestsEveryReturnModeratesEachChildAndClosesAfterOneReturnFromSignOff() {
    long round = launch(List.of(child("C-1001", "police", "health", "csc"), child("C-1002", "police", "education")));

    // one agency request per agency per child: its task routed to that agency, with the audit form, due at the deadline
    scheduleRequests(5);
    List<ActivatedJob> audits = zeebe.awaitUserTasks("provideReturn", 5);
    Map<String, List<String>> agenciesByChild = audits.stream().collect(Collectors.groupingBy(
        j -> variable(j, "caseReference"), Collectors.mapping(j -> variable(j, "agency"), Collectors.toList())));
    assertThat(agenciesByChild).containsOnlyKeys("C-1001", "C-1002");
    assertThat(agenciesByChild.get("C-1001")).containsExactlyInAnyOrder("police", "health", "csc");
    assertThat(agenciesByChild.get("C-1002")).containsExactlyInAnyOrder("police", "education");
    for (ActivatedJob audit : audits) {
      assertThat(audit.getBpmnProcessId()).isEqualTo("agency-request");
      assertThat(candidateGroups(audit)).containsExactly(variable(audit, "agency"));
      assertThat(variable(audit, "formKey")).isEqualTo("single-agency-audit");
      assertThat(variable(audit, "taskName")).isEqualTo("Single-agency audit");
      assertThat(variable(audit, "subjectType")).isEqualTo("audit-round");
      assertThat(variable(audit, "subjectId")).isEqualTo("42");
      assertThat(dueDate(audit)).isEqualTo(deadline.toInstant());
    }
    for (ActivatedJob audit : audits) {
      zeebe.complete(audit, singleAgencyAnswers("good"));
    }
    List<ActivatedJob> receipts = zeebe.awaitJobs("agency-request.receive", 5);
    for (ActivatedJob receipt : receipts) {
      zeebe.complete(receipt, Map.of("outcome", "received"));
    }

    // one multi-agency discussion per child, which knows how each agency's request ended
    List<ActivatedJob> discussions = zeebe.awaitUserTasks("multiAgencyDiscussion", 2);
    assertThat(discussions).extracting(j -> variable(j, "caseReference"))
        .containsExactlyInAnyOrder("C-1001", "C-1002");
    for (ActivatedJob discussion : discussions) {
      assertThat(candidateGroups(discussion)).containsExactly("qa-lead", "pqa-member");
      assertThat(discussion.getCustomHeaders()).containsEntry(FORM_KEY, "multi-agency-discussion");
      assertThat(outcomes(discussion)).containsOnlyKeys(agenciesByChild.get(variable(discussion, "caseReference")))
          .containsValue("received").doesNotContainValue("withdrawn");
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
    ActivatedJob recordReturned = zeebe.awaitJobs("briefing.record-decision", 1).get(0);
    assertThat(variable(recordReturned, "subjectType")).isEqualTo("audit-round");
    assertThat(variable(recordReturned, "subjectId")).isEqualTo("42");
    assertThat(variable(recordReturned, "signOffDecision")).isEqualTo("return");
    zeebe.complete(recordReturned);

    zeebe.complete(zeebe.awaitUserTasks("reviewFindings", 1).get(0), Map.of("readyForSignOff", true));
    zeebe.complete(zeebe.awaitUserTasks("signOff", 1).get(0), Map.of("signOffDecision", "approve"));
    ActivatedJob recordApproved = zeebe.awaitJobs("briefing.record-decision", 1).get(0);
    assertThat(variable(recordApproved, "signOffDecision")).isEqualTo("approve");
    zeebe.complete(recordApproved);
    ActivatedJob publish = zeebe.awaitJobs("briefing.publish", 1).get(0);
    assertThat(variable(publish, "subjectId")).isEqualTo("42");
    zeebe.complete(publish);
    zeebe.completeAll(zeebe.awaitJobs("audit.close-round", 1));

    zeebe.assertInstance(round)
        .isCompleted()
        .hasNoIncidents()
        .hasPassedElementsInOrder(
            "roundLaunched",
            "auditChild", "auditChild", "auditChild", // the two children, then the multi-instance body
            "compileFindings", "draftBriefing", "signOffBriefing", "closeRound", "roundClosed")
        .hasPassedElement("requestReturns", 5 + 2) // one per request, plus a multi-instance body per child
        .hasCalledProcess("agency-request")
        .hasCalledProcess("briefing-sign-off")
        .hasPassedElement("multiAgencyDiscussion", 2);
    assertThat(zeebe.instances("agency-request")).hasSize(5);
    assertThat(zeebe.instances("briefing-sign-off")).hasSize(1);
    long signOffProcess = zeebe.instances("briefing-sign-off").getFirst();
    zeebe.assertInstance(signOffProcess).isCompleted().hasNoIncidents()
        .hasPassedElementsInOrder("signOffRequested", "reviewFindings", "signOff", "recordSignOff",
            "reviewFindings", "signOff", "recordSignOff", "publishBriefing", "briefingPublished")
        .hasNotPassedElement("revisionSubmitted");
    assertThat(zeebe.activations(signOffProcess, "signOff")).isEqualTo(2);
    // the agencies' answers stay with their tasks: none reaches the round, and the request's parameters stay local
    assertThat(StreamFilter.variable(zeebe.records()).withProcessInstanceKey(round).stream()
            .map(r -> r.getValue().getName()).distinct())
        .doesNotContain("overallGrade", "evidence", "voiceOfChild", "taskName");
    assertThat(StreamFilter.variable(zeebe.records()).withProcessInstanceKey(round).stream()
            .filter(r -> r.getValue().getScopeKey() == round).map(r -> r.getValue().getName()).distinct())
        .doesNotContain("formKey", "candidateGroups", "agency", "returnOutcome", "returnOutcomes");
  }

  @Test
  void aWithdrawnAgencyEndsItsRequestAndTheChildMovesOnWithTheOutcomesOfEachRequest() {
    long round = launch(List.of(child("C-2001", "police", "health")));
    scheduleRequests(2);
    Map<String, ActivatedJob> audits = byAgency(zeebe.awaitUserTasks("provideReturn", 2));
    zeebe.complete(audits.get("police"), singleAgencyAnswers("good"));
    zeebe.complete(zeebe.awaitJobs("agency-request.receive", 1).getFirst(), Map.of("outcome", "received"));

    zeebe.increaseTime(Duration.ofDays(8));
    zeebe.completeAll(zeebe.awaitJobs("agency-request.remind", 1));
    ActivatedJob flag = zeebe.awaitJobs("agency-request.flag-overdue", 1).getFirst();
    assertThat(variable(flag, "agency")).isEqualTo("health");
    zeebe.complete(flag);
    ActivatedJob chase = zeebe.awaitUserTasks("chaseReturn", 1).getFirst();
    assertThat(variable(chase, "taskName")).isEqualTo("Chase HEALTH: Single-agency audit");
    assertThat(variable(chase, "caseReference")).isEqualTo("C-2001");
    zeebe.complete(chase, Map.of("chaseDecision", "withdraw", "chaseNote", "Not involved after all"));
    zeebe.complete(zeebe.awaitJobs("agency-request.withdraw", 1).getFirst(), Map.of("outcome", "withdrawn"));
    assertThat(zeebe.jobCanceled(audits.get("health").getKey())).isTrue();

    // a late answer to the withdrawn agency's task is refused by the engine
    assertThatThrownBy(() -> zeebe.client().newCompleteCommand(audits.get("health").getKey())
            .variables(singleAgencyAnswers("good")).send().join())
        .isInstanceOfSatisfying(ClientStatusException.class,
            e -> assertThat(e.getStatusCode()).isEqualTo(Status.Code.NOT_FOUND));
    zeebe.idle();
    zeebe.assertNoJobs("agency-request.receive", null);

    ActivatedJob discussion = zeebe.awaitUserTasks("multiAgencyDiscussion", 1).getFirst();
    assertThat(outcomes(discussion)).containsExactlyInAnyOrderEntriesOf(Map.of("police", "received", "health", "withdrawn"));
    zeebe.assertNoJobs(USER_TASK, null);
    zeebe.assertInstance(round).isActive().hasNoIncidents();
    assertThat(StreamFilter.processInstance(zeebe.records()).withElementId("provideReturn")
            .withIntent(ProcessInstanceIntent.ELEMENT_TERMINATED).stream().count()).isEqualTo(1);
    assertThat(zeebe.activeElements(round)).containsExactlyInAnyOrder(PROCESS, "auditChild", "auditChild",
        "multiAgencyDiscussion");
  }

  @Test
  void aLaunchRepeatedWithTheSameCorrelationKeyStartsOneInstanceWhileTheFirstRuns() {
    Map<String, Object> variables = launchVariables(77, List.of(child("C-7001", "police")));
    long first = zeebe.start("themed-audit-round", "round-77", variables);
    scheduleRequests(1);
    zeebe.awaitUserTasks("provideReturn", 1);

    // the app retries a launch whose confirmation it lost in a crash: same correlation key, no second instance
    zeebe.client().newPublishMessageCommand().messageName("audit-round-launched").correlationKey("round-77")
        .timeToLive(Duration.ZERO).variables(variables).send().join();
    zeebe.idle();

    assertThat(zeebe.instances("themed-audit-round")).containsExactly(first);
  }

  /** How each agency's request ended, as the round's child scope collected it. */
  @SuppressWarnings("unchecked")
  private static Map<String, String> outcomes(ActivatedJob job) {
    List<Map<String, Object>> collected = (List<Map<String, Object>>) job.getVariablesAsMap().get("returnOutcomes");
    assertThat(collected).as("returnOutcomes").isNotNull();
    return collected.stream().collect(Collectors.toMap(m -> (String) m.get("agency"), m -> (String) m.get("outcome")));
  }
}
