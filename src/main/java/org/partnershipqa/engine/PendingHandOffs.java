package org.partnershipqa.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Hand-offs from the database to the engine that are not confirmed yet: incomplete publications in Spring
 * Modulith's event publication registry (answers submitted, rounds launched, concerns raised, ... whose engine
 * command has not succeeded). {@link HandOffRetrier} resubmits them; these are the figures operators watch.
 */
@Component
class PendingHandOffs {

  private final JdbcTemplate jdbc;
  private final Clock clock = Clock.systemUTC();

  PendingHandOffs(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** What is waiting: how many, and since when the oldest. One count query. */
  Pending pending() {
    return jdbc.queryForObject(
        "select count(*), min(publication_date) from event_publication where completion_date is null",
        (rs, n) -> new Pending(rs.getLong(1),
            Optional.ofNullable(rs.getTimestamp(2)).map(java.sql.Timestamp::toInstant)
                .map(oldest -> Duration.between(oldest, Instant.now(clock)))));
  }

  /** @param oldestAge how long the oldest pending hand-off has waited; empty when none is pending */
  record Pending(long count, Optional<Duration> oldestAge) {}
}
