package org.partnershipqa.briefing;

/** One numbered panel of a 7-minute briefing. */
public record BriefingPanel(int number, String title, String text) {}
