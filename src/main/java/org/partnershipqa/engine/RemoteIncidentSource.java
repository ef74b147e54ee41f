package org.partnershipqa.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.JobState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Incidents of a Camunda 8.8 cluster, through the orchestration cluster's REST search API (needs
 * {@code camunda.client.rest-address} and the cluster's secondary storage; what it answers may lag the engine by the
 * exporter's delay). Not verified against a running cluster here: none can run on the build machines.
 */
class RemoteIncidentSource implements IncidentSource {

  /** The page lists at most this many incidents (the oldest first). */
  static final int PAGE_LIMIT = 200;
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Logger log = LoggerFactory.getLogger(RemoteIncidentSource.class);

  private final CamundaClient client;
  private final ProcessModels models;

  RemoteIncidentSource(CamundaClient client, ProcessModels models) {
    this.client = client;
    this.models = models;
  }

  @Override
  public Optional<List<Incident>> open() {
    try {
      return Optional.of(client.newIncidentSearchRequest()
          .filter(f -> f.state(IncidentState.ACTIVE))
          .sort(s -> s.creationTime().asc())
          .page(p -> p.limit(PAGE_LIMIT))
          .requestTimeout(TIMEOUT).send().join()
          .items().stream().map(this::toIncident).toList());
    } catch (ClientException e) {
      log.warn("Could not search the cluster's incidents: {}", e.getMessage());
      return Optional.empty();
    }
  }

  @Override
  public Optional<Incident> find(long incidentKey) {
    try {
      return client.newIncidentSearchRequest()
          .filter(f -> f.incidentKey(incidentKey).state(IncidentState.ACTIVE))
          .requestTimeout(TIMEOUT).send().join()
          .items().stream().findFirst().map(this::toIncident);
    } catch (ClientException e) {
      log.warn("Could not read incident {} from the cluster: {}", incidentKey, e.getMessage());
      return Optional.empty();
    }
  }

  @Override
  public OptionalLong count() {
    try {
      return OptionalLong.of(client.newIncidentSearchRequest()
          .filter(f -> f.state(IncidentState.ACTIVE)).page(p -> p.limit(1))
          .requestTimeout(TIMEOUT).send().join().page().totalItems());
    } catch (ClientException e) {
      return OptionalLong.empty();
    }
  }

  @Override
  public OptionalLong failingJobs() {
    try {
      return OptionalLong.of(client.newJobSearchRequest()
          .filter(f -> f.hasFailedWithRetriesLeft(true).state(JobState.FAILED)).page(p -> p.limit(1))
          .requestTimeout(TIMEOUT).send().join().page().totalItems());
    } catch (ClientException e) {
      return OptionalLong.empty();
    }
  }

  private Incident toIncident(io.camunda.client.api.search.response.Incident i) {
    String processId = i.getProcessDefinitionId();
    return new Incident(i.getIncidentKey(), processId, models.processName(processId).orElse(null),
        i.getElementId(), models.elementName(processId, i.getElementId()).orElse(null),
        i.getErrorType() == null ? null : i.getErrorType().name(), i.getErrorMessage(),
        i.getCreationTime() == null ? null : i.getCreationTime().toInstant(),
        i.getJobKey() == null ? 0 : i.getJobKey(), i.getProcessInstanceKey() == null ? 0 : i.getProcessInstanceKey(),
        null, null, null);
  }
}
