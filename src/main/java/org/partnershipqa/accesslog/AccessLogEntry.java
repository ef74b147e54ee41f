package org.partnershipqa.accesslog;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One view or change of a child-level record. Never updated or deleted by the application. */
@Entity
@Table(name = "access_log")
public class AccessLogEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Instant at;
  private String username;
  private String action;
  private String recordType;
  private String recordId;
  private String caseReference;
  private String detail;

  protected AccessLogEntry() {}

  AccessLogEntry(Instant at, String username, AccessAction action, String recordType, String recordId,
      String caseReference, String detail) {
    this.at = at;
    this.username = username;
    this.action = action.name();
    this.recordType = recordType;
    this.recordId = recordId;
    this.caseReference = caseReference;
    this.detail = detail;
  }

  public Long getId() { return id; }
  public Instant getAt() { return at; }
  public String getUsername() { return username; }
  public String getAction() { return action; }
  public String getRecordType() { return recordType; }
  public String getRecordId() { return recordId; }
  public String getCaseReference() { return caseReference; }
  public String getDetail() { return detail; }
}
