package org.partnershipqa.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Open incidents of the workflow engine (embedded or remote) and the one repair this application offers: retry.
 *
 * <p>Retrying gives the failed job {@value #RETRIES_ON_RETRY} retry again (as Camunda Operate does) and resolves
 * the incident, so a worker takes the job once more; if the cause is not fixed, the job fails again and a new
 * incident appears. An incident that is not about a job (e.g. an input mapping error) is only resolved: the engine
 * then tries the element again.
 */
public class Incidents {

  static final int RETRIES_ON_RETRY = 1;
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final IncidentSource source;
  private final CamundaClient client;

  Incidents(IncidentSource source, CamundaClient client) {
    this.source = source;
    this.client = client;
  }

  /** Open incidents, the oldest first; empty when the engine cannot be read now (distinct from none). */
  public Optional<List<Incident>> open() {
    return source.open().map(list -> list.stream()
        .sorted(Comparator.comparing(Incident::createdAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparingLong(Incident::key))
        .toList());
  }

  /** One open incident, read fresh from the engine. */
  public Optional<Incident> find(long incidentKey) {
    return source.find(incidentKey);
  }

  /** Number of open incidents; empty when the engine cannot be read now. */
  public OptionalLong countOpen() {
    return source.count();
  }

  /** Number of jobs that failed but still have retries left; empty when the engine cannot be read now. */
  public OptionalLong countFailingJobs() {
    return source.failingJobs();
  }

  /**
   * Gives the incident's job {@value #RETRIES_ON_RETRY} retry and resolves the incident.
   *
   * @throws RetryRefused when the engine does not accept it (with the engine's reason)
   */
  public void retry(Incident incident) {
    try {
      if (incident.hasJob()) {
        client.newUpdateRetriesCommand(incident.jobKey()).retries(RETRIES_ON_RETRY).requestTimeout(TIMEOUT)
            .send().join();
      }
      client.newResolveIncidentCommand(incident.key()).requestTimeout(TIMEOUT).send().join();
    } catch (ClientException e) {
      throw new RetryRefused(e.getMessage(), e);
    }
  }

  /** The engine did not accept a retry. */
  public static class RetryRefused extends RuntimeException {
    RetryRefused(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
