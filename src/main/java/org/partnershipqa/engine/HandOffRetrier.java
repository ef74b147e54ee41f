package org.partnershipqa.engine;

import java.time.Duration;
import org.partnershipqa.database.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries hand-offs whose listener failed (e.g. the engine was unreachable): every event publication still
 * incomplete after a grace period is resubmitted. The listeners are idempotent, so a retry that overlaps a
 * slow first attempt does no harm. While the database is down nothing can be read; the retrier says so and carries
 * on at its next interval.
 */
@Component
class HandOffRetrier {

  private static final Logger log = LoggerFactory.getLogger(HandOffRetrier.class);

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
    try {
      incomplete.resubmitIncompletePublicationsOlderThan(olderThan);
    } catch (RuntimeException e) {
      if (!DatabaseUnavailable.isCauseOf(e)) {
        throw e;
      }
      // nothing is lost: the hand-offs stay in the registry and are retried when the database is back
      log.warn("Queued hand-offs not retried now: the database cannot be reached ({}); trying again at the next "
          + "interval", e.getMessage());
    }
  }
}
