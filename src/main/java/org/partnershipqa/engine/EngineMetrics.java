package org.partnershipqa.engine;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Operational gauges of the workflow side (see README, "Operational signals"). Each is computed when read, from
 * one cheap source: the engine's status, one count query, or a count over the engine's state. A gauge that
 * cannot be read now (engine stopped, database down) shows NaN rather than a made-up value.
 */
@Component
class EngineMetrics implements MeterBinder {

  private final ObjectProvider<EmbeddedEngine> embedded;
  private final PendingHandOffs handOffs;
  private final Incidents incidents;

  EngineMetrics(ObjectProvider<EmbeddedEngine> embedded, PendingHandOffs handOffs, Incidents incidents) {
    this.embedded = embedded;
    this.handOffs = handOffs;
    this.incidents = incidents;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    EmbeddedEngine engine = embedded.getIfAvailable();
    if (engine != null) {
      gauge(registry, "partnershipqa.engine.log.size", "bytes",
          "Size of the embedded engine's log file",
          () -> engine.status().map(s -> (Number) s.logBytes()).orElse(Double.NaN));
      gauge(registry, "partnershipqa.engine.snapshot.position", null,
          "Log position of the embedded engine's newest state snapshot (-1: none yet)",
          () -> engine.status().map(s -> (Number) s.snapshotPosition()).orElse(Double.NaN));
      gauge(registry, "partnershipqa.engine.snapshot.age", "seconds",
          "Time since the embedded engine's newest state snapshot was taken (NaN: none yet)",
          () -> engine.status().map(s -> s.snapshotAt())
              .map(at -> (Number) (Duration.between(at, Instant.now()).toMillis() / 1000.0)).orElse(Double.NaN));
    }
    gauge(registry, "partnershipqa.handoffs.pending", null,
        "Hand-offs from the database to the engine not confirmed yet (incomplete event publications)",
        () -> handOffs.pending().count());
    gauge(registry, "partnershipqa.handoffs.oldest.age", "seconds",
        "How long the oldest pending hand-off has waited (0: none pending)",
        () -> handOffs.pending().oldestAge().map(age -> age.toMillis() / 1000.0).orElse(0.0));
    gauge(registry, "partnershipqa.incidents.open", null,
        "Open incidents in the workflow engine (steps stuck until someone retries them)",
        () -> value(incidents.countOpen()));
    gauge(registry, "partnershipqa.jobs.failing", null,
        "Jobs whose last attempt failed and that still have retries left, waiting for the next attempt",
        () -> value(incidents.countFailingJobs()));
  }

  private static void gauge(MeterRegistry registry, String name, String unit, String description,
      Supplier<Number> value) {
    Gauge.builder(name, () -> {
      try {
        return value.get();
      } catch (RuntimeException e) {
        return Double.NaN;
      }
    }).baseUnit(unit).description(description).strongReference(true).register(registry);
  }

  private static Number value(OptionalLong value) {
    return value.isPresent() ? value.getAsLong() : Double.NaN;
  }
}
