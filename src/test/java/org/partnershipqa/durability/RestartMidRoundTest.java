package org.partnershipqa.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.partnershipqa.PartnershipQaApplication;
import org.partnershipqa.engine.EmbeddedEngine;
import org.partnershipqa.support.EngineRecords;
import org.partnershipqa.workingdays.WorkingDays;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application is stopped and started again in the middle of a themed audit round, on the same data
 * directory: the open task keeps its id and draft, the received return stays received, the deadline timer
 * fires once at the right instant after the restart, and the round then completes.
 */
class RestartMidRoundTest {

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private int port;

  @Test
  void roundSurvivesARestartAndItsDeadlineTimerFiresOnce() throws Exception {
    Path data = Files.createTempDirectory("partnershipqa-restart-");
    LocalDate deadline = LocalDate.now().plusDays(10);
    long roundId;
    long cscTask;
    try (ConfigurableApplicationContext app = start(data)) {
      JsonNode round = api("POST", "/api/audit-rounds", "qa.lead", Map.of("theme", "neglect", "title", "Restart round",
          "lookBackFrom", LocalDate.now().minusYears(1).toString(), "lookBackTo", LocalDate.now().toString(),
          "deadline", deadline.toString(), "children", List.of(Map.of("caseReference", "RS-1", "age", 6,
              "agencies", List.of("police", "csc")))), 201);
      roundId = round.get("id").asLong();
      long policeTask = awaitTask("auditor.police", roundId, "singleAgencyAudit");
      cscTask = awaitTask("auditor.csc", roundId, "singleAgencyAudit");
      api("POST", "/api/tasks/" + policeTask + "/submission", "auditor.police", answers(policeTask, "auditor.police"), 202);
      api("POST", "/api/tasks/" + cscTask + "/draft", "auditor.csc", Map.of("evidence", "Half-way through the file"), 200);
      await().atMost(Duration.ofSeconds(60)).until(() -> returnState(roundId, "police").equals("RECEIVED"));
    }

    try (ConfigurableApplicationContext app = start(data)) {
      // the open task, its draft and the received return are all still there
      JsonNode task = api("GET", "/api/tasks/" + cscTask, "auditor.csc", null, 200);
      assertThat(task.get("task").get("state").asText()).isEqualTo("OPEN");
      assertThat(task.get("answers").get("evidence").asText()).isEqualTo("Half-way through the file");
      assertThat(returnState(roundId, "police")).isEqualTo("RECEIVED");

      // the deadline timer survived: not fired a minute before 17:00 London on the deadline, fired once after
      EmbeddedEngine engine = app.getBean(EmbeddedEngine.class);
      Instant due = WorkingDays.endOfDay(deadline).toInstant();
      engine.engine().increaseTime(Duration.between(engineNow(engine), due.minusSeconds(60)));
      assertThat(overdueTimerFirings(engine)).isZero();
      engine.engine().increaseTime(Duration.ofMinutes(2));
      await().atMost(Duration.ofSeconds(60)).until(() -> overdue(roundId, "csc"));
      assertThat(overdueTimerFirings(engine)).isEqualTo(1);
      assertThat(overdue(roundId, "police")).isFalse();

      // the round completes after the restart
      api("POST", "/api/tasks/" + cscTask + "/submission", "auditor.csc", answers(cscTask, "auditor.csc"), 202);
      long discussion = awaitTask("pqa.member", roundId, "multiAgencyDiscussion");
      api("POST", "/api/tasks/" + discussion + "/submission", "pqa.member",
          Map.of("agreedGrade", "good", "rationale", "Agreed after discussion"), 202);
      long review = awaitTask("qa.lead", roundId, "reviewFindings");
      api("POST", "/api/tasks/" + review + "/submission", "qa.lead", Map.of("readyForSignOff", true), 202);
      long signOff = awaitTask("pqa.member", roundId, "signOff");
      api("POST", "/api/tasks/" + signOff + "/submission", "pqa.member", Map.of("signOffDecision", "approve"), 202);
      await().atMost(Duration.ofSeconds(60)).until(() ->
          api("GET", "/api/audit-rounds/" + roundId, "qa.lead", null, 200).get("state").asText().equals("CLOSED"));
      assertThat(overdueTimerFirings(engine)).isEqualTo(1);
    }
  }

  private static Instant engineNow(EmbeddedEngine engine) {
    return ((org.partnershipqa.engine.durable.DurableEngine) engine.engine()).currentTime();
  }

  private static long overdueTimerFirings(EmbeddedEngine engine) {
    return StreamSupport.stream(EngineRecords.records(engine).timerRecords().spliterator(), false)
        .filter(r -> r.getIntent() == TimerIntent.TRIGGERED)
        .filter(r -> r.getValue().getTargetElementId().equals("returnOverdue")).count();
  }

  private ConfigurableApplicationContext start(Path data) {
    ConfigurableApplicationContext app = new SpringApplicationBuilder(PartnershipQaApplication.class).run(
        "--partnershipqa.data-dir=" + data, "--server.port=0", "--partnershipqa.engine.embedded-port=0",
        "--partnershipqa.handoff.retry-interval=PT1S", "--partnershipqa.handoff.retry-older-than=PT1S");
    port = ((WebServerApplicationContext) app).getWebServer().getPort();
    return app;
  }

  private Map<String, Object> answers(long taskId, String user) throws Exception {
    Map<String, Object> answers = new LinkedHashMap<>();
    for (JsonNode c : api("GET", "/api/tasks/" + taskId, user, null, 200).get("form").get("components")) {
      if (c.path("key").asText().startsWith("heading_")) {
        answers.put(c.get("key").asText(), "good");
      }
    }
    answers.putAll(Map.of("evidence", "Case file", "disagreementArose", "no", "escalationPolicyUsed", "not-applicable",
        "voiceOfChild", "Seen alone", "overallGrade", "good"));
    return answers;
  }

  private long awaitTask(String user, long roundId, String element) {
    return await().atMost(Duration.ofSeconds(60)).until(() -> {
      for (JsonNode t : api("GET", "/api/tasks", user, null, 200)) {
        if (String.valueOf(roundId).equals(t.path("subjectId").asText()) && element.equals(t.get("element").asText())
            && t.get("state").asText().equals("OPEN")) {
          return t.get("id").asLong();
        }
      }
      return null;
    }, id -> id != null);
  }

  private String returnState(long roundId, String agency) throws Exception {
    return agencyReturn(roundId, agency).get("state").asText();
  }

  private boolean overdue(long roundId, String agency) throws Exception {
    return agencyReturn(roundId, agency).get("overdue").asBoolean();
  }

  private JsonNode agencyReturn(long roundId, String agency) throws Exception {
    List<JsonNode> found = new ArrayList<>();
    api("GET", "/api/audit-rounds/" + roundId, "qa.lead", null, 200).get("children").get(0).get("returns")
        .forEach(r -> { if (r.get("agency").asText().equals(agency)) found.add(r); });
    return found.getFirst();
  }

  private JsonNode api(String method, String path, String user, Object body, int expected) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json").header("Accept", "application/json");
    request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
        : request.method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("%s %s as %s: %s", method, path, user, response.body()).isEqualTo(expected);
    return json.readTree(response.body().isEmpty() ? "{}" : response.body());
  }
}
