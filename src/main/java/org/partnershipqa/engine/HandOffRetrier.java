package org.partnershipqa.engine;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries hand-offs whose listener failed (e.g. the engine was unreachable): every event publication still
 * incomplete after a grace period is resubmitted. The listeners are idempotent, so a retry that overlaps a
 * slow first attempt does no harm.
 */
@Component
class HandOffRetrier {

  private final IncompleteEventPublications incomplete;
  private final Duration olderThan;

  HandOffRetrier(IncompleteEventPublications incomplete,
      @Value("${partnershipqa.handoff.retry-older-than:PT30S}") Duration olderThan) {
    this.incomplete = incomplete;
    this.olderThan = olderThan;
  }

  @Scheduled(fixedDelayString = "${partnershipqa.handoff.retry-interval:PT30S}",
      initialDelayString = "${partnershipqa.handoff.retry-interval:PT30S}")
  void retryIncomplete() {
    incomplete.resubmitIncompletePublicationsOlderThan(olderThan);
  }
}
