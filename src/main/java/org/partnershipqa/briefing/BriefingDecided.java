package org.partnershipqa.briefing;

/** The PQA sub-group approved or returned a briefing ({@code decision} is "approve" or "return"). */
public record BriefingDecided(String subjectType, String subjectId, String decision) {}
