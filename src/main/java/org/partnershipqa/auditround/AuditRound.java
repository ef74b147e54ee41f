package org.partnershipqa.auditround;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One themed multi-agency deep-dive audit: a theme, a sample of children, a deadline for agencies. */
@Entity
public class AuditRound {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.EAGER, optional = false)
  @JoinColumn(name = "theme_id")
  private Theme theme;

  private String title;
  private String quarter;
  private LocalDate lookBackFrom;
  private LocalDate lookBackTo;
  private LocalDate deadline;
  private LocalDate reminderDate;

  @Enumerated(EnumType.STRING)
  private RoundState state = RoundState.LAUNCHING;

  @Enumerated(EnumType.STRING)
  private SampleMethod sampleMethod;

  private Long randomSeed;
  private Integer cohortSize;

  @JdbcTypeCode(SqlTypes.JSON)
  private Findings findings;

  private String createdBy;
  private Instant createdAt;
  private Instant closedAt;

  @Version
  private long version;

  protected AuditRound() {}

  AuditRound(Theme theme, String title, String quarter, LocalDate lookBackFrom, LocalDate lookBackTo,
      LocalDate deadline, LocalDate reminderDate, SampleMethod method, Long seed, Integer cohortSize,
      String createdBy, Instant now) {
    this.theme = theme;
    this.title = title;
    this.quarter = quarter;
    this.lookBackFrom = lookBackFrom;
    this.lookBackTo = lookBackTo;
    this.deadline = deadline;
    this.reminderDate = reminderDate;
    this.sampleMethod = method;
    this.randomSeed = seed;
    this.cohortSize = cohortSize;
    this.createdBy = createdBy;
    this.createdAt = now;
  }

  void started() {
    if (state == RoundState.LAUNCHING) {
      state = RoundState.IN_PROGRESS;
    }
  }

  void findingsCompiled(Findings findings) {
    this.findings = findings;
    if (state == RoundState.IN_PROGRESS || state == RoundState.LAUNCHING) {
      state = RoundState.FINDINGS;
    }
  }

  void sentForSignOff() {
    if (state == RoundState.FINDINGS) {
      state = RoundState.SIGN_OFF;
    }
  }

  /** The PQA sub-group decided on the briefing (kept in the briefing module); a closed round stays closed. */
  void signOffDecided(boolean approved) {
    if (state != RoundState.CLOSED) {
      state = approved ? RoundState.SIGN_OFF : RoundState.FINDINGS;
    }
  }

  void close(Instant at) {
    if (state != RoundState.CLOSED) {
      state = RoundState.CLOSED;
      closedAt = at;
    }
  }

  public Long getId() { return id; }
  public Theme getTheme() { return theme; }
  public String getTitle() { return title; }
  public String getQuarter() { return quarter; }
  public LocalDate getLookBackFrom() { return lookBackFrom; }
  public LocalDate getLookBackTo() { return lookBackTo; }
  public LocalDate getDeadline() { return deadline; }
  public LocalDate getReminderDate() { return reminderDate; }
  public RoundState getState() { return state; }
  public SampleMethod getSampleMethod() { return sampleMethod; }
  public Long getRandomSeed() { return randomSeed; }
  public Integer getCohortSize() { return cohortSize; }
  public Findings getFindings() { return findings; }
  public String getCreatedBy() { return createdBy; }
  public Instant getCreatedAt() { return createdAt; }
  public Instant getClosedAt() { return closedAt; }
}
