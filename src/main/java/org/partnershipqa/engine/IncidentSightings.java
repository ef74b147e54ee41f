package org.partnershipqa.engine;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When the application first saw each open incident of the embedded engine (table {@code engine_incident}). The
 * engine's state holds no times, and its log, which does, is compacted; this table keeps the time across restarts.
 */
@Component
class IncidentSightings {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final Clock clock = Clock.systemUTC();
  /** What the table held after the last call (this application is the only writer); null: ask the database. */
  private Map<Long, Instant> last;

  IncidentSightings(JdbcTemplate jdbc, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.tx = tx;
  }

  /**
   * Records the incidents seen for the first time now, forgets the ones no longer open, and answers when each open
   * one was first seen.
   */
  synchronized Map<Long, Instant> seen(Collection<Long> open) {
    if (last != null && last.keySet().equals(Set.copyOf(open))) {
      return last; // nothing new, nothing resolved: no need to ask the database
    }
    last = null;
    Map<Long, Instant> times = tx.execute(status -> {
      Set<Long> known = new HashSet<>(jdbc.queryForList("select incident_key from engine_incident", Long.class));
      List<Object[]> resolved = known.stream().filter(k -> !open.contains(k)).map(k -> new Object[] {k}).toList();
      if (!resolved.isEmpty()) {
        jdbc.batchUpdate("delete from engine_incident where incident_key = ?", resolved);
      }
      Timestamp now = Timestamp.from(Instant.now(clock));
      List<Object[]> fresh = open.stream().filter(k -> !known.contains(k)).map(k -> new Object[] {k, now}).toList();
      if (!fresh.isEmpty()) {
        jdbc.batchUpdate("insert into engine_incident (incident_key, first_seen) values (?, ?) "
            + "on conflict (incident_key) do nothing", fresh);
      }
      Map<Long, Instant> read = new HashMap<>();
      jdbc.query("select incident_key, first_seen from engine_incident", rs -> {
        read.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
      });
      return read;
    });
    last = Map.copyOf(times);
    return last;
  }
}
