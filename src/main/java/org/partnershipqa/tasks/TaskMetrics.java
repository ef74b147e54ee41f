package org.partnershipqa.tasks;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Gauge {@code partnershipqa.tasks.overdue}: open tasks past their due date (one count query when read; NaN when
 * the database cannot be read). A submitted task is not counted: its answers are in, only the engine's
 * confirmation may be pending (see {@code partnershipqa.handoffs.pending}).
 */
@Component
class TaskMetrics implements MeterBinder {

  private final TaskRepository tasks;
  private final Clock clock = Clock.systemUTC();

  TaskMetrics(TaskRepository tasks) {
    this.tasks = tasks;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("partnershipqa.tasks.overdue", () -> {
      try {
        return tasks.countOverdue(Instant.now(clock));
      } catch (RuntimeException e) {
        return Double.NaN;
      }
    }).description("Open tasks past their due date").strongReference(true).register(registry);
  }
}
