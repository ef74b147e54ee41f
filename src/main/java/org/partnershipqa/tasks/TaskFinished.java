package org.partnershipqa.tasks;

/** The engine completed a task's job, or the job turned out gone (closed). */
public record TaskFinished(long taskId, String bpmnProcessId, String elementId, String subjectType,
    String subjectId, String caseReference, TaskState state) {}
