package org.partnershipqa.tasks;

/** The engine completed a task's job, or the job turned out gone (closed). */
public record TaskFinished(long taskId, String bpmnProcessId, String elementId, String subjectType,
    String subjectId, String caseReference, TaskState state) {

  /** The event for a task that has just reached its final state. */
  static TaskFinished of(Task task) {
    return new TaskFinished(task.getId(), task.getBpmnProcessId(), task.getElementId(), task.getSubjectType(),
        task.getSubjectId(), task.getCaseReference(), task.getState());
  }
}
