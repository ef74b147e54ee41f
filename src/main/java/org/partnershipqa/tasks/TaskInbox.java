package org.partnershipqa.tasks;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.partnershipqa.accesslog.AccessAction;
import org.partnershipqa.accesslog.AccessLog;
import org.partnershipqa.forms.FormDefinition;
import org.partnershipqa.forms.FormSubmission;
import org.partnershipqa.people.PartnershipUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's tasks: what they may see, drafts, and submission. Visibility is checked here, for the UI and the
 * API alike: a task is visible only to people with one of its candidate groups.
 */
@Service
public class TaskInbox {

  static final String RECORD_TYPE = "task";

  private final TaskRepository tasks;
  private final TaskForms forms;
  private final AccessLog accessLog;
  private final ApplicationEventPublisher events;
  private final Clock clock = Clock.systemUTC();

  TaskInbox(TaskRepository tasks, TaskForms forms, AccessLog accessLog, ApplicationEventPublisher events) {
    this.tasks = tasks;
    this.forms = forms;
    this.accessLog = accessLog;
    this.events = events;
  }

  @Transactional(readOnly = true)
  public List<Task> openFor(PartnershipUser user) {
    return tasks.findOpenForGroups(user.candidateGroups().toArray(String[]::new));
  }

  @Transactional(readOnly = true)
  public List<Task> recentlyFinishedFor(PartnershipUser user) {
    return tasks.findRecentlyFinishedForGroups(user.candidateGroups().toArray(String[]::new));
  }

  /** The id of the first task a process instance has created, if any (for tests and diagnostics). */
  @Transactional(readOnly = true)
  public Long findForProcessInstance(long processInstanceKey) {
    return tasks.findByProcessInstanceKeyOrderByIdAsc(processInstanceKey).stream().findFirst().map(Task::getId)
        .orElse(null);
  }

  /** Opens a task for reading; the view is recorded in the access log. */
  @Transactional
  public Task view(long id, PartnershipUser user) {
    Task task = visible(id, user);
    accessLog.record(AccessAction.VIEW, RECORD_TYPE, String.valueOf(id), task.getCaseReference(), task.getName());
    return task;
  }

  /**
   * A task the person may see, for a change they are about to make (draft, submit, concern). Not logged as a view:
   * the change itself is logged.
   */
  @Transactional(readOnly = true)
  public Task find(long id, PartnershipUser user) {
    return visible(id, user);
  }

  @Transactional(readOnly = true)
  public FormDefinition formOf(Task task) {
    return forms.formFor(task);
  }

  /** Keeps what the person typed so far, valid or not, without completing anything. */
  @Transactional
  public Task saveDraft(long id, PartnershipUser user, Map<String, Object> raw) {
    Task task = lockedVisible(id, user);
    task.requireOpen();
    task.saveDraft(raw, Instant.now(clock));
    accessLog.record(AccessAction.CHANGE, RECORD_TYPE, String.valueOf(id), task.getCaseReference(), "draft saved");
    return task;
  }

  /**
   * Stores validated answers and queues them for the engine, in one transaction. The row lock and the state
   * check make a double submit fail instead of completing twice.
   */
  @Transactional
  public Task submit(long id, PartnershipUser user, FormSubmission submission) {
    if (!submission.valid()) {
      throw new IllegalArgumentException("Only validated answers can be submitted");
    }
    Task task = lockedVisible(id, user);
    task.requireOpen();
    task.submit(submission.values(), user.username(), Instant.now(clock));
    accessLog.record(AccessAction.SUBMIT, RECORD_TYPE, String.valueOf(id), task.getCaseReference(), task.getName());
    events.publishEvent(new TaskSubmitted(task.getId(), task.getJobKey()));
    return task;
  }

  private Task visible(long id, PartnershipUser user) {
    return tasks.findById(id).filter(t -> t.isVisibleTo(user.candidateGroups()))
        .orElseThrow(() -> new TaskNotFoundException(id));
  }

  private Task lockedVisible(long id, PartnershipUser user) {
    return tasks.findByIdForUpdate(id).filter(t -> t.isVisibleTo(user.candidateGroups()))
        .orElseThrow(() -> new TaskNotFoundException(id));
  }
}
