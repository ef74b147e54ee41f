package org.partnershipqa.accesslog;

import java.time.Clock;
import java.time.Instant;
import org.partnershipqa.people.CurrentUser;
import org.partnershipqa.people.PartnershipUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records who viewed or changed which child-level record, and when (UK GDPR accountability).
 *
 * <p>A change is logged in the same transaction as the change itself, so one is never kept without the other.
 */
@Service
public class AccessLog {

  private final AccessLogRepository entries;
  private final Clock clock;

  AccessLog(AccessLogRepository entries) {
    this.entries = entries;
    this.clock = Clock.systemUTC();
  }

  @Transactional(propagation = Propagation.REQUIRED)
  public void record(AccessAction action, String recordType, String recordId, String caseReference, String detail) {
    String username = CurrentUser.find().map(PartnershipUser::username).orElse("system");
    entries.save(new AccessLogEntry(Instant.now(clock), username, action, recordType, recordId, caseReference,
        detail == null ? null : truncate(detail)));
  }

  /** A sign-in that failed or was refused: nobody is signed in, so who is the username that was tried. */
  @Transactional(propagation = Propagation.REQUIRED)
  public void recordSignIn(AccessAction action, String attemptedUsername, String address, String channel) {
    String who = attemptedUsername == null || attemptedUsername.isBlank() ? "(blank)" : attemptedUsername.trim();
    who = who.length() <= 100 ? who : who.substring(0, 100);
    entries.save(new AccessLogEntry(Instant.now(clock), who, action, "sign-in", who,
        null, truncate("from " + address + ", " + channel)));
  }

  @Transactional(readOnly = true)
  public Page<AccessLogEntry> recent(String caseReference, int page) {
    PageRequest request = PageRequest.of(Math.max(page, 0), 50);
    return caseReference == null || caseReference.isBlank()
        ? entries.findAllByOrderByAtDescIdDesc(request)
        : entries.findByCaseReferenceOrderByAtDescIdDesc(caseReference.trim(), request);
  }

  @Transactional(readOnly = true)
  public long count(String recordType, String recordId, AccessAction action) {
    return entries.countByRecordTypeAndRecordIdAndAction(recordType, recordId, action.name());
  }

  private static String truncate(String s) {
    return s.length() <= 500 ? s : s.substring(0, 497) + "...";
  }
}
