package org.partnershipqa.people;

import java.util.Arrays;
import java.util.Optional;

/** What a person does in the partnership's quality assurance. The code doubles as a BPMN candidate group. */
public enum Role {
  QA_LEAD("qa-lead", "QA lead"),
  AGENCY_AUDITOR("agency-auditor", "Agency auditor"),
  PQA_MEMBER("pqa-member", "PQA sub-group member"),
  INDEPENDENT_SCRUTINEER("independent-scrutineer", "Independent scrutineer"),
  RAPID_REVIEW_PANEL("rapid-review-panel", "Rapid review panel member"),
  ADMINISTRATOR("administrator", "Administrator");

  private final String code;
  private final String label;

  Role(String code, String label) {
    this.code = code;
    this.label = label;
  }

  /** The candidate group that routes BPMN user tasks to people with this role. */
  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  /** The Spring Security authority, e.g. {@code ROLE_QA_LEAD}. */
  public String authority() {
    return "ROLE_" + name();
  }

  public static Optional<Role> fromCode(String code) {
    return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
  }
}
