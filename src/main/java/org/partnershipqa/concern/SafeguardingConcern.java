package org.partnershipqa.concern;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/**
 * "A child may be at risk of harm now", raised from an audit task. Handled at once, outside the round's
 * timetable: the audit must never be the reason a risk sits unactioned.
 */
@Entity
public class SafeguardingConcern {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long roundId;
  private String caseReference;
  private String raisedBy;
  private String raisedByAgency;
  private String leadAgency;
  private String description;
  private Instant raisedAt;
  private Instant respondBy;
  private String actionTaken;
  private String riskManaged;
  private String respondedBy;
  private Instant respondedAt;
  private Instant escalatedAt;

  protected SafeguardingConcern() {}

  SafeguardingConcern(Long roundId, String caseReference, String raisedBy, String raisedByAgency, String leadAgency,
      String description, Instant raisedAt, Instant respondBy) {
    this.roundId = roundId;
    this.caseReference = caseReference;
    this.raisedBy = raisedBy;
    this.raisedByAgency = raisedByAgency;
    this.leadAgency = leadAgency;
    this.description = description;
    this.raisedAt = raisedAt;
    this.respondBy = respondBy;
  }

  void responded(String actionTaken, String riskManaged, String by, Instant at) {
    if (respondedAt == null) {
      this.actionTaken = actionTaken;
      this.riskManaged = riskManaged;
      this.respondedBy = by;
      this.respondedAt = at;
    }
  }

  boolean escalate(Instant at) {
    if (escalatedAt != null || respondedAt != null) {
      return false;
    }
    escalatedAt = at;
    return true;
  }

  public Long getId() { return id; }
  public Long getRoundId() { return roundId; }
  public String getCaseReference() { return caseReference; }
  public String getRaisedBy() { return raisedBy; }
  public String getRaisedByAgency() { return raisedByAgency; }
  public String getLeadAgency() { return leadAgency; }
  public String getDescription() { return description; }
  public Instant getRaisedAt() { return raisedAt; }
  public Instant getRespondBy() { return respondBy; }
  public String getActionTaken() { return actionTaken; }
  public String getRiskManaged() { return riskManaged; }
  public String getRespondedBy() { return respondedBy; }
  public Instant getRespondedAt() { return respondedAt; }
  public Instant getEscalatedAt() { return escalatedAt; }
}
