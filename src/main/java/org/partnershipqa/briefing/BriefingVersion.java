package org.partnershipqa.briefing;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One version of a briefing. Every edit makes a new version; the panels of a version are never changed, only
 * its state (a draft is published, a published version is superseded by a later one).
 */
@Entity
public class BriefingVersion {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long briefingId;
  private int number;

  @JdbcTypeCode(SqlTypes.JSON)
  private List<BriefingPanel> panels = new ArrayList<>();

  private String createdBy;
  private Instant createdAt;

  @Enumerated(EnumType.STRING)
  private VersionState state = VersionState.DRAFT;

  private Instant publishedAt;
  private String signOffRequestedBy;
  private Instant signOffRequestedAt;

  protected BriefingVersion() {}

  BriefingVersion(Long briefingId, int number, List<BriefingPanel> panels, String createdBy, Instant createdAt) {
    this.briefingId = briefingId;
    this.number = number;
    this.panels = new ArrayList<>(panels);
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  void publish(Instant at) {
    state = VersionState.PUBLISHED;
    publishedAt = at;
  }

  void supersede() {
    state = VersionState.SUPERSEDED;
  }

  void signOffRequested(String by, Instant at) {
    signOffRequestedBy = by;
    signOffRequestedAt = at;
  }

  public int getNumber() { return number; }
  public List<BriefingPanel> getPanels() { return List.copyOf(panels); }
  public String getCreatedBy() { return createdBy; }
  public Instant getCreatedAt() { return createdAt; }
  public VersionState getState() { return state; }
  public boolean isPublished() { return state == VersionState.PUBLISHED; }
  public Instant getPublishedAt() { return publishedAt; }
  public String getSignOffRequestedBy() { return signOffRequestedBy; }
  public Instant getSignOffRequestedAt() { return signOffRequestedAt; }
  Long getBriefingId() { return briefingId; }
}
