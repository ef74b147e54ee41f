package org.partnershipqa.auditround;

import java.time.Instant;
import java.time.LocalDate;
import java.util.NoSuchElementException;
import org.partnershipqa.accesslog.AccessAction;
import org.partnershipqa.accesslog.AccessLog;
import org.partnershipqa.agencyrequest.AgencyRequest;
import org.partnershipqa.agencyrequest.AgencyRequestOwner;
import org.partnershipqa.tasks.TaskDirectory;
import org.springframework.stereotype.Component;

/**
 * A round's single-agency audits are agency requests: each (child, agency) is one request, and its
 * {@link AgencyReturn} follows what the request's workflow does.
 */
@Component
class AuditReturnRequests implements AgencyRequestOwner {

  static final String REQUEST_NAME = "Single-agency audit";
  /** The user task of the single-agency audit in round models before agency requests (version 1). */
  static final String LEGACY_TASK_ELEMENT = "singleAgencyAudit";

  private final SampledChildRepository children;
  private final AgencyReturnRepository returns;
  private final AccessLog accessLog;

  AuditReturnRequests(SampledChildRepository children, AgencyReturnRepository returns, AccessLog accessLog) {
    this.children = children;
    this.returns = returns;
    this.accessLog = accessLog;
  }

  /** A request of a round started on the version 1 model, whose tasks and steps live in the round's own process. */
  static AgencyRequest legacy(long roundId, String caseReference, String agency) {
    return new AgencyRequest(AuditRounds.SUBJECT_TYPE, String.valueOf(roundId), caseReference, agency, REQUEST_NAME,
        LEGACY_TASK_ELEMENT);
  }

  @Override
  public String subjectType() {
    return AuditRounds.SUBJECT_TYPE;
  }

  @Override
  public RequestDetails details(AgencyRequest request) {
    AgencyReturn r = agencyReturn(request);
    // the return's id keeps notification keys as they were before agency requests ("reminder:<id>")
    return new RequestDetails(String.valueOf(r.getId()),
        "case " + request.caseReference() + " in the audit round '" + r.getRound().getTitle() + "'", r.getDeadline());
  }

  @Override
  public void received(AgencyRequest request, TaskDirectory.Submission submission) {
    AgencyReturn r = agencyReturn(request);
    if (r.receive(submission.answers(), submission.submittedBy(), submission.submittedAt())) {
      accessLog.record(AccessAction.CREATE, "agency-return", String.valueOf(r.getId()), request.caseReference(),
          "return received from " + request.agency());
    }
  }

  @Override
  public boolean reminded(AgencyRequest request) {
    AgencyReturn r = agencyReturn(request);
    if (r.getState() != ReturnState.AWAITED) {
      return false;
    }
    r.reminded(Instant.now());
    return true;
  }

  @Override
  public boolean overdue(AgencyRequest request) {
    AgencyReturn r = agencyReturn(request);
    if (r.getState() != ReturnState.AWAITED) {
      return false;
    }
    r.flagOverdue();
    return true;
  }

  @Override
  public void extended(AgencyRequest request, LocalDate newDeadline) {
    agencyReturn(request).extend(newDeadline);
  }

  @Override
  public boolean withdrawn(AgencyRequest request, String reason) {
    AgencyReturn r = agencyReturn(request);
    if (!r.withdraw(reason)) {
      return false;
    }
    accessLog.record(AccessAction.CHANGE, "agency-return", String.valueOf(r.getId()), request.caseReference(),
        "withdrawn: " + reason);
    return true;
  }

  private AgencyReturn agencyReturn(AgencyRequest request) {
    long roundId = Long.parseLong(request.subjectId());
    SampledChild child = children.findByRoundIdAndCaseReference(roundId, request.caseReference()).orElseThrow(
        () -> new NoSuchElementException("No child " + request.caseReference() + " in round " + roundId));
    return returns.findByChildIdAndAgencyCode(child.getId(), request.agency()).orElseThrow(
        () -> new NoSuchElementException("No return of " + request.agency() + " for " + request.caseReference()));
  }
}
