package org.partnershipqa.tasks;

import java.time.Instant;
import java.util.List;

/** A new human task is waiting for the people in its candidate groups (e.g. to notify them). */
public record TaskCreated(long taskId, String bpmnProcessId, String elementId, List<String> candidateGroups,
    String subjectType, String subjectId, String caseReference, Instant dueAt) {}
