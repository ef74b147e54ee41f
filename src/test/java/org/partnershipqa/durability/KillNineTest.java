package org.partnershipqa.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * kill -9 of the application at many points of scripted audit rounds, each followed by a restart on the same
 * data directory. The points sit on the application's calls to the engine — each hand-off between database and
 * engine is one: a round's start message, a user task pushed to the inbox, a submission or an automated step
 * completing its job — just before a call leaves or just after its answer arrived. Afterwards every round has
 * completed, no acknowledged submission is lost, none is applied twice and no task is left open.
 *
 * <p>{@code -Dpqa.kill-nine.rounds=N} plays more rounds and cycles the crash points again (a longer soak).
 */
class KillNineTest {

  private static final Logger log = LoggerFactory.getLogger(KillNineTest.class);

  /**
   * Each a distinct crash point; occurrences count calls within one lifetime of the application. A point on
   * the start-up hand-out of held jobs (UpdateJobTimeout) follows a kill that leaves a job held.
   */
  static final List<String> POINTS = List.of(
      "PublishMessage:before:1",
      "StreamActivatedJobs:after:1",
      "UpdateJobTimeout:before:1",
      "CompleteJob:before:1",
      "CompleteJob:after:1",
      "StreamActivatedJobs:after:2",
      "UpdateJobTimeout:after:1",
      "CompleteJob:before:2",
      "CompleteJob:after:2",
      "CompleteJob:before:3",
      "CompleteJob:after:3",
      "PublishMessage:after:1",
      "StreamActivatedJobs:after:3",
      "CompleteJob:before:4",
      "CompleteJob:after:4",
      "StreamActivatedJobs:after:4",
      "CompleteJob:before:5",
      "CompleteJob:after:5",
      "StreamActivatedJobs:after:5",
      "CompleteJob:before:6",
      "CompleteJob:after:6",
      "CompleteJob:before:8",
      "CompleteJob:after:8");

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void roundsCompleteWithNothingLostOrDoubledAfterKillsAtTheHandOffs() throws Exception {
    int cycles = Integer.getInteger("pqa.kill-nine.cycles", 1);
    Path run = Files.createDirectories(Path.of("target", "kill-nine", UUID.randomUUID().toString())).toAbsolutePath();
    Path data = run.resolve("data");
    AppProcess.Ports ports = AppProcess.Ports.free();
    RoundScript script = new RoundScript(ports);
    Deque<String> points = new ArrayDeque<>();
    for (int cycle = 0; cycle < cycles; cycle++) {
      points.addAll(POINTS);
    }

    // each lifetime runs until its crash point kills it, or until two rounds have closed under it
    List<String> fired = new ArrayList<>();
    List<String> notReached = new ArrayList<>();
    int lifetime = 0;
    while (!points.isEmpty()) {
      String point = points.poll();
      int number = ++lifetime;
      try (AppProcess app = AppProcess.start(data, ports, point, run.resolve("lifetime-" + number + ".log"))) {
        playUntilRoundClosedOrDead(script, app);
        if (app.isAlive()) {
          playUntilRoundClosedOrDead(script, app); // e.g. a point on the launch of the next round
        }
        if (!app.isAlive()) {
          String crash = app.crash().orElseThrow(() -> new AssertionError("lifetime " + number + " died unplanned"));
          fired.add(crash);
          log.info("Lifetime {}: killed at {}", number, crash);
        } else {
          notReached.add(point);
        }
      }
    }
    log.info("kill -9 at {} points ({} planned, not reached: {}) over {} rounds; data and logs in {}",
        fired.size(), fired.size() + notReached.size(), notReached, script.roundIds().size(), run);
    Files.write(run.resolve("summary.txt"), java.util.stream.Stream.concat(
        fired.stream().map(p -> "killed at " + p), notReached.stream().map(p -> "not reached " + p)).toList());

    // a last, undisturbed lifetime finishes the round in progress; then everything is checked
    try (AppProcess app = AppProcess.start(data, ports, null, run.resolve("verify.log"))) {
      if (script.roundInProgress()) {
        playUntilRoundClosedOrDead(script, app);
      }
      verify(script);
    }
    assertThat(fired).as("kill -9 points reached (not reached: %s)", notReached).hasSizeGreaterThanOrEqualTo(20);
  }

  private void playUntilRoundClosedOrDead(RoundScript script, AppProcess app) {
    await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).until(() -> {
      if (!app.isAlive()) {
        return true;
      }
      try {
        return script.advance();
      } catch (IOException | SQLException e) {
        return app.awaitExit(Duration.ofSeconds(5)); // died under the call, or a passing error
      }
    });
  }

  private void verify(RoundScript script) throws Exception {
    try (Connection db = script.database(); Statement sql = db.createStatement()) {
      // answers the engine took just before the last kill are confirmed by the hand-off retry (every 30 s), which
      // may come after the round has closed: wait for the hand-offs to settle, then check
      await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() ->
          count(sql, "select count(*) from task where state = 'SUBMITTED'") == 0
              && count(sql, "select count(*) from event_publication where completion_date is null") == 0);
      for (String title : script.roundIds().keySet()) {
        assertThat(count(sql, "select count(*) from audit_round where title = '" + title + "'"))
            .as("rounds titled %s", title).isEqualTo(1);
      }
      List<Long> roundIds = List.copyOf(script.roundIds().values());
      String inRounds = "subject_type = 'audit-round' and subject_id in (" + String.join(",",
          roundIds.stream().map(id -> "'" + id + "'").toList()) + ")";
      assertThat(count(sql, "select count(*) from audit_round where state <> 'CLOSED'")).as("rounds not closed").isZero();
      assertThat(count(sql, "select count(*) from task where state in ('OPEN', 'SUBMITTED')")).as("tasks left open").isZero();
      assertThat(count(sql, "select count(*) from event_publication where completion_date is null"))
          .as("hand-offs left incomplete").isZero();

      // one audit task per child and agency, completed; one return each, received, with that task's answers
      assertThat(count(sql, "select count(*) from task where element_id = 'provideReturn' and " + inRounds))
          .isEqualTo(roundIds.size() * 2L * RoundScript.AGENCIES.size());
      assertThat(count(sql, "select count(*) from task where element_id = 'provideReturn' and state <> 'COMPLETED' and "
          + inRounds)).isZero();
      assertThat(count(sql, "select count(*) from (select subject_id, case_reference, candidate_groups from task"
          + " where element_id = 'provideReturn' group by 1, 2, 3 having count(*) > 1) doubled")).isZero();
      assertThat(count(sql, "select count(*) from agency_return r join audit_round a on a.id = r.round_id"
          + " where r.state = 'RECEIVED'")).isEqualTo(roundIds.size() * 2L * RoundScript.AGENCIES.size());
      Map<String, String> evidenceByTask = new LinkedHashMap<>();
      try (ResultSet rows = sql.executeQuery("select t.id, t.answers ->> 'evidence', r.answers ->> 'evidence'"
          + " from task t join agency_return r on r.round_id = cast(t.subject_id as bigint)"
          + " and r.agency_code = t.candidate_groups[1]"
          + " join sampled_child c on c.id = r.child_id and c.case_reference = t.case_reference"
          + " where t.element_id = 'provideReturn'")) {
        while (rows.next()) {
          assertThat(rows.getString(3)).as("return of task %s", rows.getLong(1)).isEqualTo(rows.getString(2));
          evidenceByTask.put(String.valueOf(rows.getLong(1)), rows.getString(2));
        }
      }
      assertThat(evidenceByTask).hasSize(roundIds.size() * 2 * RoundScript.AGENCIES.size());

      // every acknowledged submission is there, completed, with exactly the answers sent
      for (Map.Entry<Long, Map<String, Object>> sent : script.acknowledged().entrySet()) {
        try (ResultSet rows = sql.executeQuery("select state, answers from task where id = " + sent.getKey())) {
          assertThat(rows.next()).as("task %s", sent.getKey()).isTrue();
          assertThat(rows.getString(1)).as("state of task %s", sent.getKey()).isEqualTo("COMPLETED");
          JsonNode stored = json.readTree(rows.getString(2));
          sent.getValue().forEach((key, value) ->
              assertThat(stored.get(key).asText()).as("%s of task %s", key, sent.getKey()).isEqualTo(String.valueOf(value)));
        }
      }
      // each child moderated once, by the discussion's answer; one briefing, published; one sign-off each
      assertThat(count(sql, "select count(*) from sampled_child where agreed_grade = 'requires-improvement'"))
          .isEqualTo(roundIds.size() * 2L);
      assertThat(count(sql, "select count(*) from task where element_id = 'multiAgencyDiscussion'")).isEqualTo(roundIds.size() * 2L);
      assertThat(count(sql, "select count(*) from task where element_id = 'signOff'")).isEqualTo(roundIds.size());
      assertThat(count(sql, "select count(*) from briefing_version")).isEqualTo(roundIds.size());
      assertThat(count(sql, "select count(*) from briefing_version where state = 'PUBLISHED'")).isEqualTo(roundIds.size());
      assertThat(count(sql, "select count(*) from briefing")).isEqualTo(roundIds.size());
      assertThat(count(sql, "select count(*) from briefing b where (select count(*) from briefing_decision d"
          + " where d.briefing_id = b.id) <> 1")).isZero();
    }
  }

  private static long count(Statement sql, String query) throws SQLException {
    try (ResultSet rows = sql.executeQuery(query)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
