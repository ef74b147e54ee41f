package org.partnershipqa.briefing;

/** Where a briefing version stands. At most one version of a briefing is published at a time. */
public enum VersionState {
  /** Saved but not signed off: the latest edit before publication, or a change made after it. */
  DRAFT,
  /** Signed off and published; never changed afterwards. */
  PUBLISHED,
  /** An earlier version: a later one was published. */
  SUPERSEDED;

  /** For people: "Draft", "Published", "Superseded". */
  public String label() {
    return name().charAt(0) + name().substring(1).toLowerCase();
  }
}
