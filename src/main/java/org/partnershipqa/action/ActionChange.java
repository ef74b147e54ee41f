package org.partnershipqa.action;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** One change of an action: who, when, what changed in words, and the note they gave. Rows are only ever added. */
@Entity
class ActionChange {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long actionId;
  private Instant changedAt;
  private String changedBy;
  private String what;
  private String note;

  protected ActionChange() {}

  ActionChange(Long actionId, Instant changedAt, String changedBy, String what, String note) {
    this.actionId = actionId;
    this.changedAt = changedAt;
    this.changedBy = changedBy;
    this.what = what.length() <= 1000 ? what : what.substring(0, 997) + "...";
    this.note = note;
  }

  Long getId() { return id; }
  Long getActionId() { return actionId; }
  Instant getChangedAt() { return changedAt; }
  String getChangedBy() { return changedBy; }
  String getWhat() { return what; }
  String getNote() { return note; }
}
