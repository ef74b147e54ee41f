package org.partnershipqa.tasks;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands submitted answers to the engine, after the database has committed them.
 *
 * <p>The {@link TaskSubmitted} event sits in Spring Modulith's event publication registry from the submitting
 * transaction until this listener returns normally. If the engine is unreachable the listener throws, the
 * publication stays incomplete and is resubmitted later (and on restart). The engine completes a job at most
 * once; a repeated attempt is answered "not found", which after an earlier attempt means our completion went
 * through.
 */
@Component
class TaskHandOff {

  private static final Logger log = LoggerFactory.getLogger(TaskHandOff.class);

  private final TaskRepository tasks;
  private final UserTaskCompleter completer;
  private final TransactionTemplate tx;
  private final ApplicationEventPublisher events;
  private final Clock clock = Clock.systemUTC();

  TaskHandOff(TaskRepository tasks, UserTaskCompleter completer, TransactionTemplate tx,
      ApplicationEventPublisher events) {
    this.tasks = tasks;
    this.completer = completer;
    this.tx = tx;
    this.events = events;
  }

  @Async
  @TransactionalEventListener
  void on(TaskSubmitted event) {
    deliver(event.taskId());
  }

  private record Attempt(long jobKey, int number, Map<String, Object> variables) {}

  void deliver(long taskId) {
    Attempt attempt = tx.execute(status -> {
      Task task = tasks.findByIdForUpdate(taskId).orElse(null);
      if (task == null || task.getState() != TaskState.SUBMITTED) {
        return null; // delivered already
      }
      task.deliveryAttempted();
      Map<String, Object> variables = new LinkedHashMap<>(task.getAnswers());
      return new Attempt(task.getJobKey(), task.getDeliveryAttempts(), variables);
    });
    if (attempt == null) {
      return;
    }
    UserTaskCompleter.Outcome outcome;
    try {
      outcome = completer.complete(attempt.jobKey(), attempt.variables());
    } catch (RuntimeException e) {
      log.warn("Engine did not take task {} (attempt {}): {}; it stays queued", taskId, attempt.number(), e.getMessage());
      tx.executeWithoutResult(status -> tasks.findById(taskId).ifPresent(t -> t.deliveryFailed(e.getMessage())));
      throw e;
    }
    tx.executeWithoutResult(status -> {
      Task task = tasks.findByIdForUpdate(taskId).orElseThrow();
      if (task.getState() != TaskState.SUBMITTED) {
        return;
      }
      Instant now = Instant.now(clock);
      if (outcome == UserTaskCompleter.Outcome.COMPLETED || attempt.number() > 1) {
        task.completed(now);
      } else {
        task.close("The workflow no longer has this task (its process was cancelled or the task was completed "
            + "elsewhere). Your answers are kept here.", now);
      }
      events.publishEvent(TaskFinished.of(task));
    });
  }
}
