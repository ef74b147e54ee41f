package org.partnershipqa.auditround;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.NoSuchElementException;
import org.partnershipqa.accesslog.AccessAction;
import org.partnershipqa.accesslog.AccessLog;
import org.partnershipqa.briefing.BriefingDecided;
import org.partnershipqa.briefing.BriefingSubject;
import org.partnershipqa.briefing.Briefings;
import org.partnershipqa.people.People;
import org.partnershipqa.people.Role;
import org.partnershipqa.notification.Notifier;
import org.partnershipqa.tasks.TaskDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens to a round as its workflow runs. Each step is idempotent: a job the engine hands out twice
 * (after a crash) changes nothing the second time.
 */
@Service
public class AuditRounds {

  public static final String SUBJECT_TYPE = "audit-round";
  static final String SINGLE_AGENCY_AUDIT_ELEMENT = "singleAgencyAudit";
  static final String DISCUSSION_ELEMENT = "multiAgencyDiscussion";
  static final String SIGN_OFF_ELEMENT = "signOff";

  private final AuditRoundRepository rounds;
  private final SampledChildRepository children;
  private final AgencyReturnRepository returns;
  private final RoundActionRepository actions;
  private final Briefings briefings;
  private final TaskDirectory tasks;
  private final FindingsCompiler compiler;
  private final BriefingFacts briefingFacts;
  private final Notifier notifier;
  private final People people;
  private final AccessLog accessLog;

  AuditRounds(AuditRoundRepository rounds, SampledChildRepository children, AgencyReturnRepository returns,
      RoundActionRepository actions, Briefings briefings, TaskDirectory tasks,
      FindingsCompiler compiler, BriefingFacts briefingFacts, Notifier notifier, People people, AccessLog accessLog) {
    this.rounds = rounds;
    this.children = children;
    this.returns = returns;
    this.actions = actions;
    this.briefings = briefings;
    this.tasks = tasks;
    this.compiler = compiler;
    this.briefingFacts = briefingFacts;
    this.notifier = notifier;
    this.people = people;
    this.accessLog = accessLog;
  }

  @Transactional
  void recordReturn(long roundId, String caseReference, String agency) {
    AgencyReturn r = agencyReturn(roundId, caseReference, agency);
    TaskDirectory.Submission submission = tasks.latestSubmission(SUBJECT_TYPE, String.valueOf(roundId),
        caseReference, SINGLE_AGENCY_AUDIT_ELEMENT, agency).orElseThrow(() -> new IllegalStateException(
            "No submitted single-agency audit for round " + roundId + ", " + caseReference + ", " + agency));
    if (r.receive(submission.answers(), submission.submittedBy(), submission.submittedAt())) {
      accessLog.record(AccessAction.CREATE, "agency-return", String.valueOf(r.getId()), caseReference,
          "return received from " + agency);
    }
  }

  @Transactional
  void sendReminder(long roundId, String caseReference, String agency) {
    AgencyReturn r = agencyReturn(roundId, caseReference, agency);
    if (r.getState() != ReturnState.AWAITED) {
      return;
    }
    r.reminded(Instant.now());
    notifier.notify("reminder:" + r.getId(), people.agencyEmails(agency),
        "Reminder: single-agency audit due " + r.getDeadline(),
        "Your agency's single-agency audit for case " + caseReference + " in the audit round '"
            + r.getRound().getTitle() + "' is due on " + r.getDeadline() + ".\n\nOpen your tasks in Partnership QA to complete it.");
  }

  @Transactional
  void flagOverdue(long roundId, String caseReference, String agency) {
    AgencyReturn r = agencyReturn(roundId, caseReference, agency);
    r.flagOverdue();
    notifier.notify("overdue:" + r.getId() + ":" + r.getDeadline(), people.roleEmails(Role.QA_LEAD),
        "Overdue: " + people.agencyName(agency) + " return for " + caseReference,
        people.agencyName(agency) + " has not returned its single-agency audit for case " + caseReference
            + " (round '" + r.getRound().getTitle() + "', due " + r.getDeadline() + "). A chase task is in your inbox.");
  }

  @Transactional
  void withdraw(long roundId, String caseReference, String agency, String reason) {
    AgencyReturn r = agencyReturn(roundId, caseReference, agency);
    if (r.withdraw(reason)) {
      tasks.closeOpen(SUBJECT_TYPE, String.valueOf(roundId), caseReference, SINGLE_AGENCY_AUDIT_ELEMENT, agency,
          "The QA lead withdrew your agency from this child's audit" + (reason == null ? "." : ": " + reason)
              + " A return can no longer be submitted.");
      accessLog.record(AccessAction.CHANGE, "agency-return", String.valueOf(r.getId()), caseReference,
          "withdrawn: " + reason);
    }
  }

  /** @return the new deadline as the engine's timer needs it */
  @Transactional
  String extendDeadline(long roundId, String caseReference, String agency, LocalDate newDeadline) {
    AgencyReturn r = agencyReturn(roundId, caseReference, agency);
    r.extend(newDeadline);
    Instant due = org.partnershipqa.workingdays.WorkingDays.endOfDay(newDeadline).toInstant();
    tasks.reschedule(SUBJECT_TYPE, String.valueOf(roundId), caseReference, SINGLE_AGENCY_AUDIT_ELEMENT, agency, due);
    return org.partnershipqa.workingdays.WorkingDays.endOfDay(newDeadline).toOffsetDateTime().toString();
  }

  @Transactional
  void recordModeration(long roundId, String caseReference) {
    SampledChild child = child(roundId, caseReference);
    TaskDirectory.Submission s = tasks.latestSubmission(SUBJECT_TYPE, String.valueOf(roundId), caseReference,
        DISCUSSION_ELEMENT, null).orElseThrow(() -> new IllegalStateException(
            "No submitted multi-agency discussion for round " + roundId + ", " + caseReference));
    Map<String, Object> a = s.answers();
    Grade grade = Grade.fromCode(text(a.get("agreedGrade"))).orElseThrow(
        () -> new IllegalStateException("Agreed grade missing or invalid: " + a.get("agreedGrade")));
    child.moderated(grade, text(a.get("rationale")), text(a.get("assurances")), text(a.get("gapsInAssurance")),
        s.submittedBy(), s.submittedAt());
    for (int i = 1; i <= 3; i++) {
      String description = text(a.get("action" + i));
      if (description != null && !actions.existsByRoundIdAndChildIdAndDescription(roundId, child.getId(), description)) {
        String due = text(a.get("action" + i + "Due"));
        actions.save(new RoundAction(roundId, child.getId(), description, text(a.get("action" + i + "LeadAgency")),
            text(a.get("action" + i + "Owner")), due == null ? null : LocalDate.parse(due), Instant.now()));
      }
    }
    accessLog.record(AccessAction.CHANGE, "sampled-child", String.valueOf(child.getId()), caseReference,
        "agreed grade " + grade.code());
  }

  @Transactional
  void compileFindings(long roundId) {
    AuditRound round = round(roundId);
    round.findingsCompiled(compiler.compile(round, children.findByRoundIdOrderByIdAsc(roundId),
        returns.findByRoundIdOrderByIdAsc(roundId), actions.findByRoundIdOrderByIdAsc(roundId)));
  }

  /** Drafts the briefing from the findings; a briefing drafted before is kept (the QA lead's edits survive). */
  @Transactional
  void draftBriefing(long roundId) {
    AuditRound round = round(roundId);
    briefings.draft(briefingOf(roundId), round.getTitle(), briefingFacts.of(round,
        children.findByRoundIdOrderByIdAsc(roundId), returns.findByRoundIdOrderByIdAsc(roundId)), "system");
  }

  /** The decision is the briefing's; the round follows it through {@link BriefingDecided} (RoundSignOffListener). */
  @Transactional
  void recordSignOff(long roundId, String decision, String comments, String by, String key) {
    round(roundId);
    briefings.recordDecision(SUBJECT_TYPE, String.valueOf(roundId), decision, comments, by, key);
  }

  @Transactional
  void close(long roundId) {
    AuditRound round = round(roundId);
    round.close(Instant.now());
    briefings.publish(SUBJECT_TYPE, String.valueOf(roundId));
    actions.findByRoundIdOrderByIdAsc(roundId).forEach(RoundAction::track);
  }

  static BriefingSubject briefingOf(long roundId) {
    return new BriefingSubject(SUBJECT_TYPE, String.valueOf(roundId));
  }

  /** The sign-off decision as submitted on the latest sign-off task. */
  @Transactional(readOnly = true)
  TaskDirectory.Submission latestSignOff(long roundId) {
    return tasks.latestSubmission(SUBJECT_TYPE, String.valueOf(roundId), null, SIGN_OFF_ELEMENT, null)
        .orElseThrow(() -> new IllegalStateException("No sign-off submitted for round " + roundId));
  }

  AuditRound round(long id) {
    return rounds.findById(id).orElseThrow(() -> new NoSuchElementException("No audit round " + id));
  }

  private SampledChild child(long roundId, String caseReference) {
    return children.findByRoundIdAndCaseReference(roundId, caseReference).orElseThrow(
        () -> new NoSuchElementException("No child " + caseReference + " in round " + roundId));
  }

  private AgencyReturn agencyReturn(long roundId, String caseReference, String agency) {
    SampledChild child = child(roundId, caseReference);
    return returns.findByChildIdAndAgencyCode(child.getId(), agency).orElseThrow(
        () -> new NoSuchElementException("No return of " + agency + " for " + caseReference));
  }

  private static String text(Object o) {
    return o == null || o.toString().isBlank() ? null : o.toString().trim();
  }
}
