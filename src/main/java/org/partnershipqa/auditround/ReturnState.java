package org.partnershipqa.auditround;

/** One agency's single-agency audit of one child. */
public enum ReturnState {
  AWAITED,
  RECEIVED,
  WITHDRAWN;

  public boolean isSettled() {
    return this != AWAITED;
  }
}
