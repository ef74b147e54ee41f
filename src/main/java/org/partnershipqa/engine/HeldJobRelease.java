package org.partnershipqa.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status.Code;
import java.time.Duration;
import java.util.List;
import org.partnershipqa.engine.durable.HeldJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Start-up reconciliation, embedded mode: a job that a worker of an earlier run activated (and that the
 * run was killed before finishing) would otherwise wait for its time-out — five minutes for automated
 * steps, an hour for user tasks — before the engine offers it again. Nobody else can hold it, so each such
 * job not kept by a {@link HeldJobKeeper} is timed out at once and this run's workers take it. Their
 * handlers are idempotent, so work that did reach the database before the crash is not done twice.
 */
@Component
class HeldJobRelease {

  private static final Logger log = LoggerFactory.getLogger(HeldJobRelease.class);
  private static final Duration RELEASE_NOW = Duration.ofMillis(1);

  private final ObjectProvider<EmbeddedEngine> engine;
  private final CamundaClient client;
  private final List<HeldJobKeeper> keepers;

  HeldJobRelease(ObjectProvider<EmbeddedEngine> engine, CamundaClient client, List<HeldJobKeeper> keepers) {
    this.engine = engine;
    this.client = client;
    this.keepers = keepers;
  }

  @EventListener(ApplicationReadyEvent.class)
  void releaseJobsOfEarlierRun() {
    EmbeddedEngine embedded = engine.getIfAvailable();
    if (embedded == null) {
      return; // a remote cluster times jobs out by itself, and other instances of the app may hold them
    }
    int released = 0;
    int kept = 0;
    for (HeldJob job : embedded.jobsHeldAtStart()) {
      if (keepers.stream().anyMatch(k -> k.keeps(job.key(), job.type()))) {
        kept++;
      } else if (release(job)) {
        released++;
      }
    }
    if (released + kept > 0) {
      log.info("Jobs held by an earlier run: {} handed out again, {} kept (recorded already)", released, kept);
    }
  }

  private boolean release(HeldJob job) {
    try {
      client.newUpdateTimeoutCommand(job.key()).timeout(RELEASE_NOW).send().join();
      return true;
    } catch (ClientStatusException e) {
      if (e.getStatusCode() == Code.NOT_FOUND || e.getStatusCode() == Code.FAILED_PRECONDITION) {
        return false; // finished or timed out meanwhile
      }
      log.warn("Could not hand out job {} ({}) again; it comes back after its time-out: {}", job.key(), job.type(),
          e.getMessage());
      return false;
    }
  }
}
