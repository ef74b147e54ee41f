package org.partnershipqa.tasks;

/** Where a human task is in its life. */
public enum TaskState {
  /** Waiting for a person; drafts may be saved. */
  OPEN,
  /** Answers accepted and stored; the engine has not yet confirmed the completion (queued, retried). */
  SUBMITTED,
  /** The engine completed the job with the answers. */
  COMPLETED,
  /** The engine no longer has the job (process cancelled, or completed elsewhere); nothing more to do. */
  CLOSED;

  public boolean isOpenForAnswers() {
    return this == OPEN;
  }
}
