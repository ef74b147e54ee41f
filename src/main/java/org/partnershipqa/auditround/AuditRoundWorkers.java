package org.partnershipqa.auditround;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The automated steps of {@code bpmn/themed-audit-round.bpmn}: one job type, one method. */
@Component
public class AuditRoundWorkers {

  private final AuditRounds rounds;

  AuditRoundWorkers(AuditRounds rounds) {
    this.rounds = rounds;
  }

  @JobWorker(type = "audit.record-return", fetchVariables = {"roundId", "caseReference", "agency"})
  public void recordReturn(@Variable long roundId, @Variable String caseReference, @Variable String agency) {
    rounds.recordReturn(roundId, caseReference, agency);
  }

  @JobWorker(type = "audit.send-reminder", fetchVariables = {"roundId", "caseReference", "agency"})
  public void sendReminder(@Variable long roundId, @Variable String caseReference, @Variable String agency) {
    rounds.sendReminder(roundId, caseReference, agency);
  }

  @JobWorker(type = "audit.flag-overdue", fetchVariables = {"roundId", "caseReference", "agency"})
  public void flagOverdue(@Variable long roundId, @Variable String caseReference, @Variable String agency) {
    rounds.flagOverdue(roundId, caseReference, agency);
  }

  @JobWorker(type = "audit.record-withdrawal", fetchVariables = {"roundId", "caseReference", "agency", "chaseNote"})
  public void recordWithdrawal(@Variable long roundId, @Variable String caseReference, @Variable String agency,
      @Variable(optional = true) String chaseNote) {
    rounds.withdraw(roundId, caseReference, agency, chaseNote);
  }

  @JobWorker(type = "audit.extend-deadline", fetchVariables = {"roundId", "caseReference", "agency", "newDeadline"})
  public Map<String, Object> extendDeadline(@Variable long roundId, @Variable String caseReference,
      @Variable String agency, @Variable(optional = true) String newDeadline) {
    LocalDate date = newDeadline == null || newDeadline.isBlank() ? LocalDate.now().plusDays(7) : LocalDate.parse(newDeadline);
    return Map.of("returnDeadline", rounds.extendDeadline(roundId, caseReference, agency, date));
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
