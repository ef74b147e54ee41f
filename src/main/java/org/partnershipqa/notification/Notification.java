package org.partnershipqa.notification;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** A message to people, kept in an outbox until sent (or, without SMTP, only shown on the outbox page). */
@Entity
public class Notification {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String dedupeKey;
  private String recipients;
  private String subject;
  private String body;
  private Instant createdAt;
  private Instant sentAt;
  private String lastError;

  protected Notification() {}

  Notification(String dedupeKey, String recipients, String subject, String body, Instant createdAt) {
    this.dedupeKey = dedupeKey;
    this.recipients = recipients;
    this.subject = subject;
    this.body = body;
    this.createdAt = createdAt;
  }

  void sent(Instant at) {
    this.sentAt = at;
    this.lastError = null;
  }

  void failed(String error) {
    this.lastError = error == null ? "unknown error" : error.substring(0, Math.min(error.length(), 1000));
  }

  public Long getId() { return id; }
  public String getDedupeKey() { return dedupeKey; }
  public String getRecipients() { return recipients; }
  public String getSubject() { return subject; }
  public String getBody() { return body; }
  public Instant getCreatedAt() { return createdAt; }
  public Instant getSentAt() { return sentAt; }
  public String getLastError() { return lastError; }
}
