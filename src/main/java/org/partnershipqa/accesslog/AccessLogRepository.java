package org.partnershipqa.accesslog;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccessLogRepository extends JpaRepository<AccessLogEntry, Long> {

  Page<AccessLogEntry> findAllByOrderByAtDescIdDesc(Pageable page);

  Page<AccessLogEntry> findByCaseReferenceOrderByAtDescIdDesc(String caseReference, Pageable page);

  long countByRecordTypeAndRecordIdAndAction(String recordType, String recordId, String action);
}
