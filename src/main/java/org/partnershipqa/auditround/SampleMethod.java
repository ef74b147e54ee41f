package org.partnershipqa.auditround;

/** How the children were chosen. */
public enum SampleMethod {
  /** Entered child by child by the QA lead. */
  ENTERED,
  /** Drawn at random from an uploaded cohort; the seed and cohort size are kept so the draw can be repeated. */
  RANDOM
}
