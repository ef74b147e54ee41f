package org.partnershipqa.briefing;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface BriefingRepository extends JpaRepository<Briefing, Long> {
  Optional<Briefing> findBySubjectTypeAndSubjectId(String subjectType, String subjectId);
}

interface BriefingVersionRepository extends JpaRepository<BriefingVersion, Long> {
  List<BriefingVersion> findByBriefingIdOrderByNumberDesc(Long briefingId);
  Optional<BriefingVersion> findFirstByBriefingIdOrderByNumberDesc(Long briefingId);
  Optional<BriefingVersion> findByBriefingIdAndState(Long briefingId, VersionState state);
  Optional<BriefingVersion> findByBriefingIdAndNumber(Long briefingId, int number);
}

interface SignOffDecisionRepository extends JpaRepository<SignOffDecision, Long> {
  List<SignOffDecision> findByBriefingIdOrderByDecidedAtAscIdAsc(Long briefingId);
  Optional<SignOffDecision> findByBriefingIdAndIdempotencyKey(Long briefingId, String idempotencyKey);
}

interface TemplatePanelRepository extends JpaRepository<TemplatePanel, Long> {
  List<TemplatePanel> findByTemplateOrderByPositionAsc(String template);
}
