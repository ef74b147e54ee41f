package org.partnershipqa.auditround;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.partnershipqa.agencyrequest.AgencyRequests;
import org.partnershipqa.people.Role;
import org.partnershipqa.workingdays.WorkingDays;
import org.springframework.stereotype.Component;

/** The automated steps of {@code bpmn/themed-audit-round.bpmn}: one job type, one method. */
@Component
public class AuditRoundWorkers {

  private final AuditRounds rounds;
  private final AgencyRequests requests;

  AuditRoundWorkers(AuditRounds rounds, AgencyRequests requests) {
    this.rounds = rounds;
    this.requests = requests;
  }

  // Steps of the agency return in round models before agency requests (version 1). Rounds run for weeks, so rounds
  // started on that version still reach them after an upgrade; they run the same code as bpmn/agency-request.bpmn.

  @JobWorker(type = "audit.record-return", fetchVariables = {"roundId", "caseReference", "agency"})
  public void recordReturn(@Variable long roundId, @Variable String caseReference, @Variable String agency) {
    requests.receive(AuditReturnRequests.legacy(roundId, caseReference, agency));
  }

  @JobWorker(type = "audit.send-reminder", fetchVariables = {"roundId", "caseReference", "agency"})
  public void sendReminder(@Variable long roundId, @Variable String caseReference, @Variable String agency) {
    requests.remind(AuditReturnRequests.legacy(roundId, caseReference, agency));
  }

  @JobWorker(type = "audit.flag-overdue", fetchVariables = {"roundId", "caseReference", "agency"})
  public void flagOverdue(@Variable long roundId, @Variable String caseReference, @Variable String agency) {
    requests.flagOverdue(AuditReturnRequests.legacy(roundId, caseReference, agency), List.of(Role.QA_LEAD.code()));
  }

  @JobWorker(type = "audit.record-withdrawal", fetchVariables = {"roundId", "caseReference", "agency", "chaseNote"})
  public void recordWithdrawal(@Variable long roundId, @Variable String caseReference, @Variable String agency,
      @Variable(optional = true) String chaseNote) {
    requests.withdraw(AuditReturnRequests.legacy(roundId, caseReference, agency), chaseNote);
  }

  /** Version 1 counted a default extension in calendar days and waits on {@code returnDeadline}. */
  @JobWorker(type = "audit.extend-deadline", fetchVariables = {"roundId", "caseReference", "agency", "newDeadline"})
  public Map<String, Object> extendDeadline(@Variable long roundId, @Variable String caseReference,
      @Variable String agency, @Variable(optional = true) String newDeadline) {
    LocalDate date = requests.extend(AuditReturnRequests.legacy(roundId, caseReference, agency),
        newDeadline == null || newDeadline.isBlank() ? null : LocalDate.parse(newDeadline), false);
    return Map.of("returnDeadline", WorkingDays.endOfDay(date).toOffsetDateTime().toString());
  }

  @JobWorker(type = "audit.record-moderation", fetchVariables = {"roundId", "caseReference"})
  public void recordModeration(@Variable long roundId, @Variable String caseReference) {
    rounds.recordModeration(roundId, caseReference);
  }

  @JobWorker(type = "audit.compile-findings", fetchVariables = {"roundId"})
  public void compileFindings(@Variable long roundId) {
    rounds.compileFindings(roundId);
  }

  @JobWorker(type = "audit.draft-briefing", fetchVariables = {"roundId"})
  public void draftBriefing(@Variable long roundId) {
    rounds.draftBriefing(roundId);
  }

  /** Version 1 signed off inside the round; later versions call bpmn/briefing-sign-off.bpmn (briefing.record-decision). */
  @JobWorker(type = "audit.record-sign-off", fetchVariables = {"roundId", "signOffDecision"})
  public void recordSignOff(@Variable long roundId, @Variable String signOffDecision, ActivatedJob job) {
    var signOff = rounds.latestSignOff(roundId);
    rounds.recordSignOff(roundId, signOffDecision, String.valueOf(signOff.answers().getOrDefault("signOffComments", "")),
        signOff.submittedBy(), "job-" + job.getKey());
  }

  @JobWorker(type = "audit.close-round", fetchVariables = {"roundId"})
  public void closeRound(@Variable long roundId) {
    rounds.close(roundId);
  }
}
