package org.partnershipqa.auditround;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ThemeRepository extends JpaRepository<Theme, Long> {
  Optional<Theme> findByCode(String code);
  List<Theme> findAllByOrderByTitleAsc();
}

interface AuditRoundRepository extends JpaRepository<AuditRound, Long> {
  List<AuditRound> findAllByOrderByCreatedAtDesc();
}

interface SampledChildRepository extends JpaRepository<SampledChild, Long> {
  List<SampledChild> findByRoundIdOrderByIdAsc(Long roundId);
  Optional<SampledChild> findByRoundIdAndCaseReference(Long roundId, String caseReference);
  Optional<SampledChild> findByIdAndRoundId(Long id, Long roundId);
}

interface AgencyReturnRepository extends JpaRepository<AgencyReturn, Long> {
  List<AgencyReturn> findByRoundIdOrderByIdAsc(Long roundId);
  List<AgencyReturn> findByChildIdOrderByIdAsc(Long childId);
  Optional<AgencyReturn> findByChildIdAndAgencyCode(Long childId, String agencyCode);
}
