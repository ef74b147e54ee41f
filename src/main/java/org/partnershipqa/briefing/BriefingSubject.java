package org.partnershipqa.briefing;

/** What a briefing is about, e.g. {@code ("audit-round", "12")}. One briefing per subject. */
public record BriefingSubject(String type, String id) {

  public static BriefingSubject of(String type, Object id) {
    return new BriefingSubject(type, String.valueOf(id));
  }
}
