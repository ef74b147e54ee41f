package org.partnershipqa.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.JobState;
import io.camunda.client.api.search.response.Job;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Job presence from a Camunda 8 cluster's job search (REST, secondary storage). The index lags behind the
 * engine, so a job it does not know yet is UNKNOWN, never GONE.
 */
class RemoteEngineJobs implements EngineJobs {

  private static final Logger log = LoggerFactory.getLogger(RemoteEngineJobs.class);
  private static final Set<JobState> FINISHED = EnumSet.of(JobState.COMPLETED, JobState.CANCELED, JobState.ERROR_THROWN);

  private final CamundaClient client;

  RemoteEngineJobs(CamundaClient client) {
    this.client = client;
  }

  @Override
  public Presence presence(long jobKey) {
    try {
      List<Job> found = client.newJobSearchRequest().filter(f -> f.jobKey(jobKey)).requestTimeout(Duration.ofSeconds(10))
          .send().join().items();
      if (found.isEmpty()) {
        return Presence.UNKNOWN;
      }
      return FINISHED.contains(found.getFirst().getState()) ? Presence.GONE : Presence.PRESENT;
    } catch (RuntimeException e) {
      log.debug("Job search for {} failed: {}", jobKey, e.getMessage());
      return Presence.UNKNOWN;
    }
  }
}
