package org.partnershipqa.auditround;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;

/** An action agreed at a multi-agency discussion: tracked to completion once the round is signed off. */
@Entity
public class RoundAction {

  /** Proposed while the round runs; tracked (Ongoing / Completed) after sign-off. */
  public enum Status { PROPOSED, ONGOING, COMPLETED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long roundId;
  private Long childId;
  private String description;
  private String leadAgency;
  private String owner;
  private LocalDate dueDate;

  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  private Status status = Status.PROPOSED;

  private Instant createdAt;

  protected RoundAction() {}

  RoundAction(Long roundId, Long childId, String description, String leadAgency, String owner, LocalDate dueDate,
      Instant createdAt) {
    this.roundId = roundId;
    this.childId = childId;
    this.description = description;
    this.leadAgency = leadAgency;
    this.owner = owner;
    this.dueDate = dueDate;
    this.createdAt = createdAt;
  }

  void track() {
    if (status == Status.PROPOSED) {
      status = Status.ONGOING;
    }
  }

  void complete() {
    status = Status.COMPLETED;
  }

  public Long getId() { return id; }
  public Long getRoundId() { return roundId; }
  public Long getChildId() { return childId; }
  public String getDescription() { return description; }
  public String getLeadAgency() { return leadAgency; }
  public String getOwner() { return owner; }
  public LocalDate getDueDate() { return dueDate; }
  public Status getStatus() { return status; }
  public Instant getCreatedAt() { return createdAt; }
}
