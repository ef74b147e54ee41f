package org.partnershipqa.agencyrequest;

/**
 * One request to one agency, as its owner knows it: the subject it belongs to (a round and child, a cycle, a
 * referral), the agency, what is asked, and the element of the user task that holds the agency's answers.
 *
 * @param caseReference the child it concerns, or null when the subject is not about one child
 * @param taskElementId {@code provideReturn} in the agency-request model; earlier models named their own
 */
public record AgencyRequest(String subjectType, String subjectId, String caseReference, String agency,
    String requestName, String taskElementId) {

  /** The user task of {@code bpmn/agency-request.bpmn}. */
  public static final String TASK_ELEMENT = "provideReturn";
}
