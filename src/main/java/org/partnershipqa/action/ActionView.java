package org.partnershipqa.action;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An action as processes, pages and the API see it.
 *
 * @param subjectLabel how a person knows the subject it came from (e.g. the audit round's title)
 * @param leadAgencyName the lead agency's name (its code when the agency is unknown)
 * @param overdue due date passed and not completed: shown as its own tag beside the status
 */
public record ActionView(long id, String sourceProcess, String subjectType, String subjectId, String subjectLabel,
    String caseReference, String finding, String description, String leadAgency, String leadAgencyName,
    String owner, LocalDate dueDate, ActionStatus status, boolean overdue, String evidence, String createdBy,
    Instant createdAt, long version) {}
