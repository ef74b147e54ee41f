package org.partnershipqa.auditround;

/** Where an audit round is. */
public enum RoundState {
  /** Saved; the workflow has not confirmed the start yet. */
  LAUNCHING,
  /** Agencies are auditing and the children are being moderated. */
  IN_PROGRESS,
  /** Findings compiled; the QA lead reviews them and the briefing. */
  FINDINGS,
  /** Waiting for the PQA sub-group's sign-off. */
  SIGN_OFF,
  CLOSED
}
