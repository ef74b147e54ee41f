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
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One agency's single-agency audit of one sampled child. */
@Entity
public class AgencyReturn {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "round_id")
  private AuditRound round;

  @ManyToOne(fetch = FetchType.EAGER, optional = false)
  @JoinColumn(name = "child_id")
  private SampledChild child;

  private String agencyCode;

  @Enumerated(EnumType.STRING)
  private ReturnState state = ReturnState.AWAITED;

  private LocalDate deadline;

  @JdbcTypeCode(SqlTypes.JSON)
  private Map<String, Object> answers;

  private String overallGrade;
  private String submittedBy;
  private Instant receivedAt;
  private boolean overdue;
  private Instant reminderSentAt;
  private String withdrawnReason;

  protected AgencyReturn() {}

  AgencyReturn(AuditRound round, SampledChild child, String agencyCode, LocalDate deadline) {
    this.round = round;
    this.child = child;
    this.agencyCode = agencyCode;
    this.deadline = deadline;
  }

  /** @return false when the return was settled already (idempotent, and refuses late returns) */
  boolean receive(Map<String, Object> answers, String submittedBy, Instant at) {
    if (state != ReturnState.AWAITED) {
      return false;
    }
    this.answers = new LinkedHashMap<>(answers);
    Object grade = answers.get("overallGrade");
    this.overallGrade = grade == null ? null : grade.toString();
    this.submittedBy = submittedBy;
    this.receivedAt = at;
    this.state = ReturnState.RECEIVED;
    this.overdue = false;
    return true;
  }

  boolean withdraw(String reason) {
    if (state != ReturnState.AWAITED) {
      return false;
    }
    this.state = ReturnState.WITHDRAWN;
    this.withdrawnReason = reason;
    return true;
  }

  void flagOverdue() {
    if (state == ReturnState.AWAITED) {
      overdue = true;
    }
  }

  void reminded(Instant at) {
    if (reminderSentAt == null) {
      reminderSentAt = at;
    }
  }

  void extend(LocalDate newDeadline) {
    this.deadline = newDeadline;
    this.overdue = false;
  }

  public Long getId() { return id; }
  public AuditRound getRound() { return round; }
  public SampledChild getChild() { return child; }
  public String getAgencyCode() { return agencyCode; }
  public ReturnState getState() { return state; }
  public LocalDate getDeadline() { return deadline; }
  public Map<String, Object> getAnswers() {
    return answers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(answers));
  }
  public String getOverallGrade() { return overallGrade; }
  public String getSubmittedBy() { return submittedBy; }
  public Instant getReceivedAt() { return receivedAt; }
  public boolean isOverdue() { return overdue; }
  public Instant getReminderSentAt() { return reminderSentAt; }
  public String getWithdrawnReason() { return withdrawnReason; }
}
