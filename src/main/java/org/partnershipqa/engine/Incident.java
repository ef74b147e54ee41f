package org.partnershipqa.engine;

import java.time.Instant;

/**
 * An open incident of the workflow engine: a step that cannot go on until its cause is fixed, typically a job
 * whose worker failed until it had no retries left.
 *
 * @param key the incident key
 * @param processId the BPMN process id
 * @param processName the process model's name, when the application ships that model
 * @param elementId the BPMN element that is stuck
 * @param elementName its name in the model, when known
 * @param errorType the engine's error type, e.g. {@code JOB_NO_RETRIES}
 * @param errorMessage the error message (for a job: the worker's last failure message)
 * @param createdAt when the incident was raised: in remote mode the engine's time; in embedded mode the time the
 *     application first saw it (the embedded engine keeps no times; it looks every few seconds); null if unknown
 * @param jobKey the failed job, 0 when the incident is not about a job (e.g. an input mapping error)
 * @param processInstanceKey the stuck process instance
 * @param subjectType what the instance is about ({@code audit-round}, {@code concern}), when known
 * @param subjectId the id of that subject, when known
 * @param caseReference the child's case reference in the incident's scope, when known
 */
public record Incident(long key, String processId, String processName, String elementId, String elementName,
    String errorType, String errorMessage, Instant createdAt, long jobKey, long processInstanceKey,
    String subjectType, String subjectId, String caseReference) {

  public boolean hasJob() {
    return jobKey > 0;
  }

  /** The error type in words, e.g. "No retries left" for {@code JOB_NO_RETRIES}. */
  public String errorTypeLabel() {
    if (errorType == null) {
      return "Unknown";
    }
    return switch (errorType) {
      case "JOB_NO_RETRIES" -> "No retries left";
      case "IO_MAPPING_ERROR" -> "Variable mapping failed";
      case "CONDITION_ERROR" -> "Condition failed";
      case "EXTRACT_VALUE_ERROR" -> "Value could not be read";
      case "UNHANDLED_ERROR_EVENT" -> "BPMN error not caught";
      case "CALLED_ELEMENT_ERROR" -> "Called process not found";
      case "MESSAGE_SIZE_EXCEEDED" -> "Message too large";
      case "FORM_NOT_FOUND" -> "Form not found";
      case "RESOURCE_NOT_FOUND" -> "Resource not found";
      case "CALLED_DECISION_ERROR", "DECISION_EVALUATION_ERROR" -> "Decision failed";
      case "EXECUTION_LISTENER_NO_RETRIES", "TASK_LISTENER_NO_RETRIES" -> "Listener out of retries";
      default -> errorType.charAt(0) + errorType.substring(1).toLowerCase().replace('_', ' ');
    };
  }

  /** The first line of the error message (a worker's stack trace may follow it). */
  public String errorFirstLine() {
    if (errorMessage == null) {
      return "";
    }
    int end = errorMessage.indexOf('\n');
    return (end < 0 ? errorMessage : errorMessage.substring(0, end)).strip();
  }

  public boolean errorHasMoreLines() {
    return errorMessage != null && !errorMessage.strip().equals(errorFirstLine());
  }
}
