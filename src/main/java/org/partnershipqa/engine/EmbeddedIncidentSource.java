package org.partnershipqa.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.partnershipqa.engine.durable.EngineState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Incidents of the embedded engine, read from the engine's own state (not from its record stream, whose old
 * records are dropped by log compaction), so they are all there after a restart. The engine keeps no times: every
 * few seconds (and on every read) this notes when an incident was first seen, in the database.
 */
class EmbeddedIncidentSource implements IncidentSource {

  /** Variables that tell what a process instance is about (set by the round and concern start messages). */
  static final List<String> SUBJECT_VARIABLES = List.of("subjectType", "subjectId", "caseReference");

  private static final Logger log = LoggerFactory.getLogger(EmbeddedIncidentSource.class);

  private final EmbeddedEngine engine;
  private final IncidentSightings sightings;
  private final ProcessModels models;

  EmbeddedIncidentSource(EmbeddedEngine engine, IncidentSightings sightings, ProcessModels models) {
    this.engine = engine;
    this.sightings = sightings;
    this.models = models;
  }

  @Override
  public Optional<List<Incident>> open() {
    Optional<List<EngineState.OpenIncident>> read = engine.state().flatMap(s -> s.incidents(SUBJECT_VARIABLES));
    if (read.isEmpty()) {
      return Optional.empty();
    }
    Map<Long, Instant> seen = seen(read.get());
    return Optional.of(read.get().stream().map(i -> toIncident(i, seen.get(i.key()))).toList());
  }

  @Override
  public Optional<Incident> find(long incidentKey) {
    return open().flatMap(all -> all.stream().filter(i -> i.key() == incidentKey).findFirst());
  }

  @Override
  public OptionalLong count() {
    return engine.state().map(EngineState::incidentCount).orElse(OptionalLong.empty());
  }

  @Override
  public OptionalLong failingJobs() {
    return engine.state().map(EngineState::failingJobCount).orElse(OptionalLong.empty());
  }

  /** Notes new incidents soon after the engine raises them, whether or not anyone looks. */
  @Scheduled(fixedDelayString = "${partnershipqa.incidents.watch-interval:PT15S}",
      initialDelayString = "${partnershipqa.incidents.watch-interval:PT15S}")
  void watch() {
    try {
      open();
    } catch (RuntimeException e) {
      log.warn("Could not check the engine for new incidents: {}", e.getMessage());
    }
  }

  private Map<Long, Instant> seen(List<EngineState.OpenIncident> open) {
    try {
      return sightings.seen(open.stream().map(EngineState.OpenIncident::key).toList());
    } catch (DataAccessException e) {
      log.warn("Could not record when incidents were first seen: {}", e.getMessage());
      return Map.of();
    }
  }

  private Incident toIncident(EngineState.OpenIncident i, Instant firstSeen) {
    return new Incident(i.key(), i.bpmnProcessId(), models.processName(i.bpmnProcessId()).orElse(null),
        i.elementId(), models.elementName(i.bpmnProcessId(), i.elementId()).orElse(null), i.errorType(),
        i.errorMessage(), firstSeen, Math.max(i.jobKey(), 0), i.processInstanceKey(),
        i.variables().get("subjectType"), i.variables().get("subjectId"), i.variables().get("caseReference"));
  }
}
