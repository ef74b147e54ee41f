package org.partnershipqa.durability;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.partnershipqa.support.ApiClient;
import org.partnershipqa.support.ApiClient.Reply;

/**
 * Plays every person in a themed audit round through the JSON API, from launch to sign-off, as far as the
 * application lets it at each call. It can be stopped at any instant (the application dies under it) and
 * resumed against the next lifetime: it keeps no state the application does not also hold, except which
 * submissions the application acknowledged, which the test checks afterwards.
 */
final class RoundScript {

  static final List<String> AGENCIES = List.of("police", "csc");
  static final Map<String, String> AUDITOR = Map.of("police", "auditor.police", "csc", "auditor.csc");
  private static final List<String> PEOPLE = List.of("auditor.police", "auditor.csc", "pqa.member", "qa.lead");

  private final AppProcess.Ports ports;
  private final ApiClient api;
  private final Map<String, Long> roundIds = new LinkedHashMap<>();
  private String current;
  /** Submissions the application answered 202 to: task id → the answers sent. */
  private final Map<Long, Map<String, Object>> acknowledged = new LinkedHashMap<>();

  RoundScript(AppProcess.Ports ports) {
    this.ports = ports;
    this.api = new ApiClient(ports.http());
  }

  Map<Long, Map<String, Object>> acknowledged() {
    return acknowledged;
  }

  /** Every round the script launched (or is launching), by title. */
  Map<String, Long> roundIds() {
    return roundIds;
  }

  boolean roundInProgress() {
    return current != null;
  }

  static String caseReference(String title, int child) {
    return title.replaceAll("[^A-Z0-9]", "") + "/" + child;
  }

  /**
   * One pass over the work: launches a round when none is in progress, else submits every open task of the
   * round in progress. @return true when the round in progress has just been seen closed
   * @throws IOException when the application does not answer (it may have just died)
   */
  boolean advance() throws IOException, InterruptedException, SQLException {
    if (current == null) {
      current = "KN" + (roundIds.size() + 1) + " round";
    }
    Long id = roundIds.get(current);
    if (id == null) {
      // a launch whose answer a crash cut off may have been saved: look before launching again
      id = findRound(current).orElse(null);
      if (id == null) {
        id = launch(current);
      }
      roundIds.put(current, id);
    }
    if ("CLOSED".equals(call("GET", "/api/audit-rounds/" + id, "qa.lead", null).body().get("state").asText())) {
      current = null;
      return true;
    }
    submitOpenTasks(id);
    return false;
  }

  private long launch(String title) throws IOException, InterruptedException {
    List<Map<String, Object>> children = new ArrayList<>();
    for (int c = 1; c <= 2; c++) {
      children.add(Map.of("caseReference", caseReference(title, c), "age", 5 + c, "agencies", AGENCIES));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("theme", "neglect");
    body.put("title", title);
    body.put("lookBackFrom", LocalDate.now().minusYears(1).toString());
    body.put("lookBackTo", LocalDate.now().toString());
    body.put("deadline", LocalDate.now().plusWeeks(6).toString());
    body.put("children", children);
    Reply reply = call("POST", "/api/audit-rounds", "qa.lead", body);
    expect(reply, 201);
    return reply.body().get("id").asLong();
  }

  private void submitOpenTasks(long roundId) throws IOException, InterruptedException {
    for (String person : PEOPLE) {
      for (JsonNode task : call("GET", "/api/tasks", person, null).body()) {
        if (String.valueOf(roundId).equals(task.path("subjectId").asText()) && "OPEN".equals(task.get("state").asText())) {
          long taskId = task.get("id").asLong();
          Map<String, Object> answers = answers(taskId, person, task.get("element").asText());
          Reply reply = call("POST", "/api/tasks/" + taskId + "/submission", person, answers);
          if (reply.status() == 202) {
            acknowledged.put(taskId, answers);
          } else if (reply.status() != 409) { // 409: submitted already, by a call whose answer a crash cut off
            throw new AssertionError("Submission of task " + taskId + " answered " + reply.status() + ": " + reply.body());
          }
        }
      }
    }
  }

  private Map<String, Object> answers(long taskId, String person, String element) throws IOException, InterruptedException {
    Map<String, Object> answers = new LinkedHashMap<>();
    switch (element) {
      case "provideReturn" -> {
        JsonNode detail = call("GET", "/api/tasks/" + taskId, person, null).body();
        for (JsonNode c : detail.get("form").get("components")) {
          if (c.path("key").asText().startsWith("heading_")) {
            answers.put(c.get("key").asText(), "good");
          }
        }
        answers.put("evidence", "Evidence of task " + taskId + " from " + person);
        answers.putAll(Map.of("disagreementArose", "no", "escalationPolicyUsed", "not-applicable",
            "voiceOfChild", "Seen alone", "overallGrade", "good"));
      }
      case "multiAgencyDiscussion" -> answers.putAll(Map.of("agreedGrade", "requires-improvement",
          "rationale", "Agreed in discussion " + taskId));
      case "reviewFindings" -> answers.put("readyForSignOff", true);
      case "signOff" -> answers.put("signOffDecision", "approve");
      default -> throw new AssertionError("The script has no answers for a task '" + element + "' (task " + taskId + ")");
    }
    return answers;
  }

  Optional<Long> findRound(String title) throws SQLException {
    try (Connection db = database();
        PreparedStatement query = db.prepareStatement("select id from audit_round where title = ?")) {
      query.setString(1, title);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
      }
    }
  }

  Connection database() throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://localhost:" + ports.database() + "/postgres", "postgres", "");
  }

  /** One API call; a 5xx answer counts as no answer (e.g. the database is still recovering). */
  private Reply call(String method, String path, String user, Object body) throws IOException, InterruptedException {
    Reply reply = api.send(method, path, user, body);
    if (reply.status() >= 500) {
      throw new IOException(method + " " + path + " answered " + reply.status() + ": " + reply.body());
    }
    return reply;
  }

  private static void expect(Reply reply, int status) {
    if (reply.status() != status) {
      throw new AssertionError("Expected HTTP " + status + " but got " + reply.status() + ": " + reply.body());
    }
  }
}
