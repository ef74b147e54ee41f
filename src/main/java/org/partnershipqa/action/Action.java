package org.partnershipqa.action;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Something a partner agency must do, from the process that agreed it (an audit round's discussion, later a Section
 * 11 return or a rapid review), tracked to completion. Every change is kept as an {@link ActionChange}.
 */
@Entity
class Action {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String sourceProcess;
  private String subjectType;
  private String subjectId;
  private String subjectLabel;
  private String caseReference;
  private String finding;
  private String description;
  private String leadAgency;
  private String owner;
  private LocalDate dueDate;

  @Enumerated(EnumType.STRING)
  private ActionStatus status = ActionStatus.PROPOSED;

  private String evidence;
  private String createdBy;
  private Instant createdAt;

  @Version
  private long version;

  protected Action() {}

  Action(Actions.Proposal p, Instant at) {
    this.sourceProcess = p.sourceProcess();
    this.subjectType = p.subjectType();
    this.subjectId = p.subjectId();
    this.subjectLabel = p.subjectLabel();
    this.caseReference = p.caseReference();
    this.finding = p.finding();
    this.description = p.description();
    this.leadAgency = p.leadAgency();
    this.owner = p.owner();
    this.dueDate = p.dueDate();
    this.createdBy = p.by();
    this.createdAt = at;
  }

  boolean answers(String caseReference, String description) {
    return Objects.equals(this.caseReference, caseReference) && this.description.equals(description);
  }

  boolean isOverdue(LocalDate today) {
    return dueDate != null && dueDate.isBefore(today) && status != ActionStatus.COMPLETED;
  }

  /** Sign-off reached: from now on the action is tracked. @return what changed, or null when it was tracked before */
  String track() {
    if (status != ActionStatus.PROPOSED) {
      return null;
    }
    status = ActionStatus.NOT_STARTED;
    return "Status: " + ActionStatus.PROPOSED.label() + " → " + ActionStatus.NOT_STARTED.label();
  }

  /** @return what changed, in words (empty when nothing did) */
  List<String> update(ActionStatus newStatus, String newEvidence) {
    List<String> changed = new ArrayList<>();
    if (newStatus != status) {
      changed.add("Status: " + status.label() + " → " + newStatus.label());
      status = newStatus;
    }
    if (!Objects.equals(newEvidence, evidence)) {
      changed.add(newEvidence == null ? "Evidence of completion removed"
          : evidence == null ? "Evidence of completion added" : "Evidence of completion changed");
      evidence = newEvidence;
    }
    return changed;
  }

  Long getId() { return id; }
  String getSourceProcess() { return sourceProcess; }
  String getSubjectType() { return subjectType; }
  String getSubjectId() { return subjectId; }
  String getSubjectLabel() { return subjectLabel; }
  String getCaseReference() { return caseReference; }
  String getFinding() { return finding; }
  String getDescription() { return description; }
  String getLeadAgency() { return leadAgency; }
  String getOwner() { return owner; }
  LocalDate getDueDate() { return dueDate; }
  ActionStatus getStatus() { return status; }
  String getEvidence() { return evidence; }
  String getCreatedBy() { return createdBy; }
  Instant getCreatedAt() { return createdAt; }
  long getVersion() { return version; }
}
