package org.partnershipqa.auditround;

/** One agency's single-agency audit of one child. */
public enum ReturnState {
  AWAITED("Awaited"),
  RECEIVED("Received"),
  WITHDRAWN("Withdrawn");

  private final String label;

  ReturnState(String label) {
    this.label = label;
  }

  public boolean isSettled() {
    return this != AWAITED;
  }

  /** As people read it. */
  public String label() {
    return label;
  }
}
