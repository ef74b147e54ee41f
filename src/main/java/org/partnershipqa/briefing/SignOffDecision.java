package org.partnershipqa.briefing;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The PQA sub-group approved or returned a briefing. Recorded once per idempotency key (a job handed out twice). */
@Entity
@Table(name = "briefing_decision")
public class SignOffDecision {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long briefingId;
  /** The latest version when the decision was recorded; unknown for decisions moved from before version 9 of the schema. */
  private Integer versionNumber;
  private String decision;
  private String comments;
  private String decidedBy;
  private Instant decidedAt;
  private String idempotencyKey;

  protected SignOffDecision() {}

  SignOffDecision(Long briefingId, Integer versionNumber, String decision, String comments, String decidedBy,
      Instant decidedAt, String idempotencyKey) {
    this.briefingId = briefingId;
    this.versionNumber = versionNumber;
    this.decision = decision;
    this.comments = comments == null ? "" : comments;
    this.decidedBy = decidedBy == null ? "" : decidedBy;
    this.decidedAt = decidedAt;
    this.idempotencyKey = idempotencyKey;
  }

  public boolean isApproval() {
    return Briefings.APPROVE.equals(decision);
  }

  public Integer getVersionNumber() { return versionNumber; }
  public String getDecision() { return decision; }
  public String getComments() { return comments; }
  public String getDecidedBy() { return decidedBy; }
  public Instant getDecidedAt() { return decidedAt; }
  public String getIdempotencyKey() { return idempotencyKey; }
}
