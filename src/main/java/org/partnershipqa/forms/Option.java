package org.partnershipqa.forms;

/** One static choice of a select, radio or checklist field. */
public record Option(String label, String value) {}
