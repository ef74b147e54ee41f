package org.partnershipqa.agencyrequest;

import java.time.LocalDate;
import org.partnershipqa.tasks.TaskDirectory;

/**
 * Implemented by the module whose process asks agencies for returns (one bean per subject type). Each method runs
 * in the transaction of the workflow step and must be idempotent: the engine may hand a step out twice.
 */
public interface AgencyRequestOwner {

  /** The subject type whose requests this owner keeps, e.g. {@code audit-round}. */
  String subjectType();

  /** What a person needs to know about the request to act on it. */
  RequestDetails details(AgencyRequest request);

  /** The agency's answers arrived. */
  void received(AgencyRequest request, TaskDirectory.Submission submission);

  /** @return true when the request is still awaited, so a reminder is worth sending */
  boolean reminded(AgencyRequest request);

  /** @return true when the request is still awaited and is now flagged overdue */
  boolean overdue(AgencyRequest request);

  void extended(AgencyRequest request, LocalDate newDeadline);

  /** @return true when this call withdrew it (false: settled before) */
  boolean withdrawn(AgencyRequest request, String reason);

  /**
   * @param key unique across the application and stable for the request's life (notifications are de-duplicated
   *     by it)
   * @param subject how the subject reads in a sentence, e.g. "case WS/2026/101 in the audit round 'Q3 deep dive'"
   * @param deadline the current deadline
   */
  record RequestDetails(String key, String subject, LocalDate deadline) {}
}
