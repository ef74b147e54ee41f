package org.partnershipqa.auditround;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One version of a round's 7-minute briefing. Every edit makes a new version; none is overwritten. */
@Entity
public class BriefingVersion {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long roundId;
  private int version;

  @JdbcTypeCode(SqlTypes.JSON)
  private List<BriefingPanel> panels = new ArrayList<>();

  private String createdBy;
  private Instant createdAt;
  private boolean published;

  protected BriefingVersion() {}

  BriefingVersion(Long roundId, int version, List<BriefingPanel> panels, String createdBy, Instant createdAt) {
    this.roundId = roundId;
    this.version = version;
    this.panels = new ArrayList<>(panels);
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  void publish() {
    published = true;
  }

  public Long getId() { return id; }
  public Long getRoundId() { return roundId; }
  public int getVersion() { return version; }
  public List<BriefingPanel> getPanels() { return List.copyOf(panels); }
  public String getCreatedBy() { return createdBy; }
  public Instant getCreatedAt() { return createdAt; }
  public boolean isPublished() { return published; }
}
