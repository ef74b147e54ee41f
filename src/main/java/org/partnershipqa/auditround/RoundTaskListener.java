package org.partnershipqa.auditround;

import org.partnershipqa.tasks.TaskFinished;
import org.partnershipqa.tasks.TaskState;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Moves a round to sign-off once the QA lead has reviewed findings and briefing. */
@Component
class RoundTaskListener {

  private final AuditRoundRepository rounds;

  RoundTaskListener(AuditRoundRepository rounds) {
    this.rounds = rounds;
  }

  @ApplicationModuleListener
  void on(TaskFinished event) {
    if (AuditRounds.SUBJECT_TYPE.equals(event.subjectType()) && "reviewFindings".equals(event.elementId())
        && event.state() == TaskState.COMPLETED) {
      rounds.findById(Long.valueOf(event.subjectId())).ifPresent(AuditRound::sentForSignOff);
    }
  }
}
