package org.partnershipqa.tasks;

import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Records a user task job once, however often the engine hands it out. */
@Component
class TaskRecorder {

  private final TaskRepository tasks;
  private final TransactionTemplate tx;
  private final ApplicationEventPublisher events;
  private final Clock clock = Clock.systemUTC();

  TaskRecorder(TaskRepository tasks, TransactionTemplate tx, ApplicationEventPublisher events) {
    this.tasks = tasks;
    this.tx = tx;
    this.events = events;
  }

  /** @return true when the task is new, false when it was recorded before */
  boolean record(NewTask task) {
    try {
      Boolean created = tx.execute(status -> {
        if (tasks.existsByJobKey(task.jobKey())) {
          return false;
        }
        Task saved = tasks.saveAndFlush(new Task(task, Instant.now(clock)));
        events.publishEvent(new TaskCreated(saved.getId(), task.bpmnProcessId(), task.elementId(),
            task.candidateGroups(), task.subjectType(), task.subjectId(), task.caseReference(), task.dueAt()));
        return true;
      });
      return Boolean.TRUE.equals(created);
    } catch (DataIntegrityViolationException raced) {
      return false; // the same job recorded concurrently: the unique job key kept one
    }
  }
}
