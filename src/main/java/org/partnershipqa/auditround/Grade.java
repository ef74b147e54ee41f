package org.partnershipqa.auditround;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Ofsted-style grades used for single-agency and multi-agency practice. */
public enum Grade {
  OUTSTANDING("outstanding", "Outstanding"),
  GOOD("good", "Good"),
  REQUIRES_IMPROVEMENT("requires-improvement", "Requires improvement"),
  INADEQUATE("inadequate", "Inadequate");

  /** The four grades in report order (best first). */
  public static final List<Grade> ORDER = List.of(values());

  /** The answer for a heading that does not apply to the agency's work with the child. */
  public static final String NOT_APPLICABLE = "not-applicable";

  private final String code;
  private final String label;

  Grade(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() { return code; }
  public String label() { return label; }

  /** A grade code (or "not-applicable") as people read it; anything else as it is. */
  public static String labelOf(String code) {
    if (NOT_APPLICABLE.equals(code)) {
      return "Not applicable";
    }
    return fromCode(code).map(Grade::label).orElse(code);
  }

  public static Optional<Grade> fromCode(String code) {
    return Arrays.stream(values()).filter(g -> g.code.equals(code)).findFirst();
  }
}
