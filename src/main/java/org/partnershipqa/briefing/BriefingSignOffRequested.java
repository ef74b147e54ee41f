package org.partnershipqa.briefing;

/**
 * The QA lead sent a changed briefing for sign-off again after it was published. A process (the
 * {@code briefing-sign-off} model) follows this event to ask the PQA sub-group.
 */
public record BriefingSignOffRequested(String subjectType, String subjectId, String title, int version) {}
