package org.partnershipqa.auditround;

/** One graded heading of a theme's single-agency question set. */
public record ThemeHeading(String key, String title, String guidance) {}
