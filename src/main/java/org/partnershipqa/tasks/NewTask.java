package org.partnershipqa.tasks;

import java.time.Instant;
import java.util.List;

/** A user task job as the engine handed it out, before it is recorded. */
record NewTask(long jobKey, long processInstanceKey, long processDefinitionKey, String bpmnProcessId,
    String elementId, long elementInstanceKey, String name, String formKey, List<String> candidateGroups,
    Instant dueAt, String subjectType, String subjectId, String caseReference) {}
