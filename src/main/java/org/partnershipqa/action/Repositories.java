package org.partnershipqa.action;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ActionRepository extends JpaRepository<Action, Long> {
  List<Action> findBySubjectTypeAndSubjectIdOrderByIdAsc(String subjectType, String subjectId);
  List<Action> findByLeadAgency(String leadAgency);
}

interface ActionChangeRepository extends JpaRepository<ActionChange, Long> {
  List<ActionChange> findByActionIdOrderByChangedAtAscIdAsc(Long actionId);
}
