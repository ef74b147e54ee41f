package org.partnershipqa.concern;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ConcernRepository extends JpaRepository<SafeguardingConcern, Long> {
  List<SafeguardingConcern> findByCaseReferenceOrderByIdAsc(String caseReference);
  List<SafeguardingConcern> findAllByOrderByRaisedAtDesc();
}
