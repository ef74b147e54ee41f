package org.partnershipqa.auditround;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.NoSuchElementException;
import org.partnershipqa.accesslog.AccessAction;
import org.partnershipqa.accesslog.AccessLog;
import org.partnershipqa.action.Actions;
import org.partnershipqa.briefing.BriefingDecided;
import org.partnershipqa.briefing.BriefingSubject;
import org.partnershipqa.briefing.Briefings;
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
  static final String PROCESS_ID = "themed-audit-round";
  static final String DISCUSSION_ELEMENT = "multiAgencyDiscussion";
  static final String SIGN_OFF_ELEMENT = "signOff";

  private final AuditRoundRepository rounds;
  private final SampledChildRepository children;
  private final AgencyReturnRepository returns;
  private final Actions actions;
  private final Briefings briefings;
  private final TaskDirectory tasks;
  private final FindingsCompiler compiler;
  private final BriefingFacts briefingFacts;
  private final AccessLog accessLog;

  AuditRounds(AuditRoundRepository rounds, SampledChildRepository children, AgencyReturnRepository returns,
      Actions actions, Briefings briefings, TaskDirectory tasks,
      FindingsCompiler compiler, BriefingFacts briefingFacts, AccessLog accessLog) {
    this.rounds = rounds;
    this.children = children;
    this.returns = returns;
    this.actions = actions;
    this.briefings = briefings;
    this.tasks = tasks;
    this.compiler = compiler;
    this.briefingFacts = briefingFacts;
    this.accessLog = accessLog;
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
      if (description != null) {
        String lead = text(a.get("action" + i + "LeadAgency"));
        String due = text(a.get("action" + i + "Due"));
        actions.propose(new Actions.Proposal(PROCESS_ID, SUBJECT_TYPE, String.valueOf(roundId),
            child.getRound().getTitle(), caseReference, text(a.get("gapsInAssurance")), description,
            // the form offers active agencies only; one deactivated since is left for the QA lead to choose
            lead != null && actions.isActiveAgency(lead) ? lead : null, text(a.get("action" + i + "Owner")),
            due == null ? null : LocalDate.parse(due), s.submittedBy()));
      }
    }
    accessLog.record(AccessAction.CHANGE, "sampled-child", String.valueOf(child.getId()), caseReference,
        "agreed grade " + grade.code());
  }

  @Transactional
  void compileFindings(long roundId) {
    AuditRound round = round(roundId);
    round.findingsCompiled(compiler.compile(round, children.findByRoundIdOrderByIdAsc(roundId),
        returns.findByRoundIdOrderByIdAsc(roundId), actions.forSubject(SUBJECT_TYPE, String.valueOf(roundId))));
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
    // published already by bpmn/briefing-sign-off.bpmn; rounds on the version 1 model publish here (idempotent)
    briefings.publish(SUBJECT_TYPE, String.valueOf(roundId));
    String signedOffBy = tasks.latestSubmission(SUBJECT_TYPE, String.valueOf(roundId), null, SIGN_OFF_ELEMENT, null)
        .map(TaskDirectory.Submission::submittedBy).orElse("system");
    actions.track(SUBJECT_TYPE, String.valueOf(roundId), signedOffBy);
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

  private static String text(Object o) {
    return o == null || o.toString().isBlank() ? null : o.toString().trim();
  }
}
