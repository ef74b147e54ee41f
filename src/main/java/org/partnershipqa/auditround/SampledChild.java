package org.partnershipqa.auditround;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A child in a round's sample: a case reference and non-identifying facts, never a name. */
@Entity
public class SampledChild {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "round_id")
  private AuditRound round;

  private String caseReference;
  private Integer age;
  private String sex;
  private String ethnicity;
  private String planType;

  @JdbcTypeCode(SqlTypes.ARRAY)
  private List<String> agencies = new ArrayList<>();

  private String agreedGrade;
  private String rationale;
  private String assurances;
  private String gapsInAssurance;
  private String moderatedBy;
  private Instant moderatedAt;

  protected SampledChild() {}

  SampledChild(AuditRound round, ChildFacts facts) {
    this.round = round;
    this.caseReference = facts.caseReference();
    this.age = facts.age();
    this.sex = facts.sex();
    this.ethnicity = facts.ethnicity();
    this.planType = facts.planType();
    this.agencies = new ArrayList<>(facts.agencies());
  }

  void moderated(Grade grade, String rationale, String assurances, String gaps, String by, Instant at) {
    this.agreedGrade = grade.code();
    this.rationale = rationale;
    this.assurances = assurances;
    this.gapsInAssurance = gaps;
    this.moderatedBy = by;
    this.moderatedAt = at;
  }

  public boolean isModerated() {
    return agreedGrade != null;
  }

  public Long getId() { return id; }
  public AuditRound getRound() { return round; }
  public String getCaseReference() { return caseReference; }
  public Integer getAge() { return age; }
  public String getSex() { return sex; }
  public String getEthnicity() { return ethnicity; }
  public String getPlanType() { return planType; }
  public List<String> getAgencies() { return List.copyOf(agencies); }
  public String getAgreedGrade() { return agreedGrade; }
  public String getRationale() { return rationale; }
  public String getAssurances() { return assurances; }
  public String getGapsInAssurance() { return gapsInAssurance; }
  public String getModeratedBy() { return moderatedBy; }
  public Instant getModeratedAt() { return moderatedAt; }
}
