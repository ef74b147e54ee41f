package org.partnershipqa.tasks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A human task: one BPMN user task job handed out by the engine, as this application keeps it.
 *
 * <p>The engine routes it by candidate groups (agency codes or role codes); people see it when one of their
 * groups matches.
 */
@Entity
public class Task {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, updatable = false)
  private long jobKey;

  private long processInstanceKey;
  private long processDefinitionKey;
  private String bpmnProcessId;
  private String elementId;
  private long elementInstanceKey;
  private String name;
  private String formKey;

  @JdbcTypeCode(SqlTypes.ARRAY)
  private List<String> candidateGroups = new ArrayList<>();

  private Instant dueAt;
  private Instant createdAt;

  @Enumerated(EnumType.STRING)
  private TaskState state = TaskState.OPEN;

  private String subjectType;
  private String subjectId;
  private String caseReference;

  /** Draft or submitted answers, keyed by form field. */
  @JdbcTypeCode(SqlTypes.JSON)
  private Map<String, Object> answers;

  private Instant draftSavedAt;
  private String submittedBy;
  private Instant submittedAt;
  private Instant completedAt;
  private String closedReason;
  private int deliveryAttempts;
  private String lastDeliveryError;

  @Version
  private long version;

  protected Task() {}

  Task(NewTask t, Instant now) {
    this.jobKey = t.jobKey();
    this.processInstanceKey = t.processInstanceKey();
    this.processDefinitionKey = t.processDefinitionKey();
    this.bpmnProcessId = t.bpmnProcessId();
    this.elementId = t.elementId();
    this.elementInstanceKey = t.elementInstanceKey();
    this.name = t.name();
    this.formKey = t.formKey();
    this.candidateGroups = new ArrayList<>(t.candidateGroups());
    this.dueAt = t.dueAt();
    this.createdAt = now;
    this.subjectType = t.subjectType();
    this.subjectId = t.subjectId();
    this.caseReference = t.caseReference();
  }

  /** True when any of the person's groups is one the task is routed to. */
  public boolean isVisibleTo(Collection<String> groups) {
    return candidateGroups.stream().anyMatch(groups::contains);
  }

  public boolean isOverdue(Instant now) {
    return dueAt != null && state.isOpenForAnswers() && now.isAfter(dueAt);
  }

  /** Refuses answers to a task that is submitted or closed: checked before the answers are, so the reply is 409. */
  void requireOpen() {
    if (!state.isOpenForAnswers()) {
      throw new TaskNotOpenException(id, state);
    }
  }

  void saveDraft(Map<String, Object> raw, Instant now) {
    this.answers = new LinkedHashMap<>(raw);
    this.draftSavedAt = now;
  }

  void submit(Map<String, Object> values, String username, Instant now) {
    this.answers = new LinkedHashMap<>(values);
    this.state = TaskState.SUBMITTED;
    this.submittedBy = username;
    this.submittedAt = now;
  }

  void deliveryAttempted() {
    this.deliveryAttempts++;
  }

  void deliveryFailed(String error) {
    this.lastDeliveryError = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
  }

  void completed(Instant now) {
    this.state = TaskState.COMPLETED;
    this.completedAt = now;
    this.lastDeliveryError = null;
  }

  void reschedule(Instant dueAt) {
    this.dueAt = dueAt;
  }

  void close(String reason, Instant now) {
    this.state = TaskState.CLOSED;
    this.closedReason = reason;
    this.completedAt = now;
  }

  public Long getId() { return id; }
  public long getJobKey() { return jobKey; }
  public long getProcessInstanceKey() { return processInstanceKey; }
  public long getProcessDefinitionKey() { return processDefinitionKey; }
  public String getBpmnProcessId() { return bpmnProcessId; }
  public String getElementId() { return elementId; }
  public long getElementInstanceKey() { return elementInstanceKey; }
  public String getName() { return name; }
  public String getFormKey() { return formKey; }
  public List<String> getCandidateGroups() { return List.copyOf(candidateGroups); }
  public Instant getDueAt() { return dueAt; }
  public Instant getCreatedAt() { return createdAt; }
  public TaskState getState() { return state; }
  public String getSubjectType() { return subjectType; }
  public String getSubjectId() { return subjectId; }
  public String getCaseReference() { return caseReference; }
  public Map<String, Object> getAnswers() {
    return answers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(answers)); // values may be null
  }
  public Instant getDraftSavedAt() { return draftSavedAt; }
  public String getSubmittedBy() { return submittedBy; }
  public Instant getSubmittedAt() { return submittedAt; }
  public Instant getCompletedAt() { return completedAt; }
  public String getClosedReason() { return closedReason; }
  public int getDeliveryAttempts() { return deliveryAttempts; }
  public String getLastDeliveryError() { return lastDeliveryError; }

  /** The groups as a set, for matching. */
  Set<String> groups() {
    return Set.copyOf(candidateGroups);
  }
}
