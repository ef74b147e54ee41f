package org.partnershipqa.auditround;

import java.util.Optional;
import org.partnershipqa.briefing.BriefingSubjectLinks;
import org.springframework.stereotype.Component;

/** A round's briefing page links back to the round. */
@Component
class RoundBriefingLink implements BriefingSubjectLinks {

  @Override
  public Optional<Link> link(String subjectType, String subjectId) {
    return AuditRounds.SUBJECT_TYPE.equals(subjectType)
        ? Optional.of(new Link("/audit-rounds/" + subjectId, "Back to the round"))
        : Optional.empty();
  }
}
