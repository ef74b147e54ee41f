package org.partnershipqa.auditround;

import org.partnershipqa.briefing.BriefingDecided;
import org.partnershipqa.briefing.Briefings;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A round follows the PQA sub-group's decision on its briefing: approved → sign-off, returned → findings. In the
 * transaction that records the decision, so the round's state and the decision are saved together (and the
 * round's close, the next job, never races this update).
 */
@Component
class RoundSignOffListener {

  private final AuditRoundRepository rounds;

  RoundSignOffListener(AuditRoundRepository rounds) {
    this.rounds = rounds;
  }

  @EventListener
  void on(BriefingDecided event) {
    if (AuditRounds.SUBJECT_TYPE.equals(event.subjectType())) {
      rounds.findById(Long.valueOf(event.subjectId()))
          .ifPresent(r -> r.signOffDecided(Briefings.APPROVE.equals(event.decision())));
    }
  }
}
