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

/** An audit theme: its terms of reference and the question set agencies answer. Data a QA lead edits. */
@Entity
public class Theme {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String code;
  private String title;
  private String termsOfReference;
  private String why;

  @JdbcTypeCode(SqlTypes.JSON)
  private List<ThemeHeading> headings = new ArrayList<>();

  private String practicePrompts;
  private String whatElse;
  private boolean workingDays = true;
  private int reminderDays = 3;
  private boolean active = true;
  private String updatedBy;
  private Instant updatedAt;

  protected Theme() {}

  void update(String title, String termsOfReference, String why, List<ThemeHeading> headings,
      String practicePrompts, String whatElse, boolean workingDays, int reminderDays, boolean active, String by) {
    this.title = title;
    this.termsOfReference = termsOfReference;
    this.why = why;
    this.headings = new ArrayList<>(headings);
    this.practicePrompts = practicePrompts;
    this.whatElse = whatElse;
    this.workingDays = workingDays;
    this.reminderDays = reminderDays;
    this.active = active;
    this.updatedBy = by;
    this.updatedAt = Instant.now();
  }

  public Long getId() { return id; }
  public String getCode() { return code; }
  public String getTitle() { return title; }
  public String getTermsOfReference() { return termsOfReference; }
  public String getWhy() { return why; }
  public List<ThemeHeading> getHeadings() { return List.copyOf(headings); }
  public String getPracticePrompts() { return practicePrompts; }
  public String getWhatElse() { return whatElse; }
  public boolean isWorkingDays() { return workingDays; }
  public int getReminderDays() { return reminderDays; }
  public boolean isActive() { return active; }
  public String getUpdatedBy() { return updatedBy; }
  public Instant getUpdatedAt() { return updatedAt; }
}
