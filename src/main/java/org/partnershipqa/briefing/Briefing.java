package org.partnershipqa.briefing;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** The briefing of one subject: its versions and sign-off decisions refer to it. */
@Entity
class Briefing {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String subjectType;
  private String subjectId;
  private String title;
  private String template;
  private Instant createdAt;

  protected Briefing() {}

  Briefing(BriefingSubject subject, String title, String template, Instant createdAt) {
    this.subjectType = subject.type();
    this.subjectId = subject.id();
    this.title = title;
    this.template = template;
    this.createdAt = createdAt;
  }

  Long getId() { return id; }
  BriefingSubject subject() { return new BriefingSubject(subjectType, subjectId); }
  String getTitle() { return title; }
  String getTemplate() { return template; }
}
