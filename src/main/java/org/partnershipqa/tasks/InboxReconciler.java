package org.partnershipqa.tasks;

import java.time.Clock;
import java.time.Instant;
import org.partnershipqa.engine.EngineJobs;
import org.partnershipqa.engine.EngineJobs.Presence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the inbox in step with the engine: an open task whose job the engine no longer has (its process
 * was terminated, e.g. a chase task when the return arrived, or it ended while the application was down)
 * is closed with a note, so nobody works on a task that can no longer be submitted. Runs at start-up and
 * then at an interval. Answers already typed are kept on the closed task.
 */
@Component
class InboxReconciler {

  static final String GONE_NOTE = "The workflow no longer needs this task (its part of the process ended). "
      + "Anything you saved on it is kept here.";

  private static final Logger log = LoggerFactory.getLogger(InboxReconciler.class);

  private final TaskRepository tasks;
  private final EngineJobs engine;
  private final TransactionTemplate tx;
  private final ApplicationEventPublisher events;
  private final Clock clock = Clock.systemUTC();

  InboxReconciler(TaskRepository tasks, EngineJobs engine, TransactionTemplate tx, ApplicationEventPublisher events) {
    this.tasks = tasks;
    this.engine = engine;
    this.tx = tx;
    this.events = events;
  }

  @EventListener(ApplicationReadyEvent.class)
  void atStartUp() {
    reconcile();
  }

  @Scheduled(fixedDelayString = "${partnershipqa.tasks.reconcile-interval:PT5M}",
      initialDelayString = "${partnershipqa.tasks.reconcile-interval:PT5M}")
  void periodically() {
    reconcile();
  }

  /** @return how many open tasks were closed */
  int reconcile() {
    int closed = 0;
    try {
      for (TaskRepository.JobRef ref : tasks.findJobRefsByState(TaskState.OPEN)) {
        if (engine.presence(ref.jobKey()) == Presence.GONE && closeIfStillOpen(ref.taskId())) {
          closed++;
        }
      }
    } catch (RuntimeException e) {
      log.warn("Inbox reconciliation stopped early ({}); it runs again later", e.getMessage());
    }
    if (closed > 0) {
      log.info("Inbox reconciliation closed {} task(s) whose workflow step had ended", closed);
    }
    return closed;
  }

  private boolean closeIfStillOpen(long taskId) {
    return Boolean.TRUE.equals(tx.execute(status -> {
      Task task = tasks.findByIdForUpdate(taskId).orElse(null);
      if (task == null || task.getState() != TaskState.OPEN) {
        return false; // submitted or closed meanwhile
      }
      task.close(GONE_NOTE, Instant.now(clock));
      events.publishEvent(TaskFinished.of(task));
      return true;
    }));
  }
}
