package org.partnershipqa.auditround;

/** Where an audit round is. */
public enum RoundState {
  /** Saved; the workflow has not confirmed the start yet. */
  LAUNCHING("Launching"),
  /** Agencies are auditing and the children are being moderated. */
  IN_PROGRESS("In progress"),
  /** Findings compiled; the QA lead reviews them and the briefing. */
  FINDINGS("Findings"),
  /** Waiting for the PQA sub-group's sign-off. */
  SIGN_OFF("Sign-off"),
  CLOSED("Closed");

  private final String label;

  RoundState(String label) {
    this.label = label;
  }

  /** As people read it, in sentence case. */
  public String label() {
    return label;
  }
}
