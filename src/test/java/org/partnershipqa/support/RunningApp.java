package org.partnershipqa.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.partnershipqa.PartnershipQaApplication;
import org.partnershipqa.engine.EmbeddedEngine;
import org.partnershipqa.engine.durable.DurableEngine;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** One lifetime of the whole application on a chosen data directory, driven through its JSON API as demo users. */
public final class RunningApp implements AutoCloseable {

  public static final Duration WAIT = Duration.ofSeconds(60);

  private final ConfigurableApplicationContext context;
  private final ApiClient api;

  private RunningApp(ConfigurableApplicationContext context) {
    this.context = context;
    this.api = new ApiClient(((WebServerApplicationContext) context).getWebServer().getPort());
  }

  public static RunningApp start(Path data) {
    return new RunningApp(new SpringApplicationBuilder(PartnershipQaApplication.class).run(
        "--partnershipqa.data-dir=" + data, "--server.port=0", "--partnershipqa.engine.embedded-port=0",
        "--partnershipqa.handoff.retry-interval=PT1S", "--partnershipqa.handoff.retry-older-than=PT1S"));
  }

  @Override
  public void close() {
    context.close();
  }

  public EmbeddedEngine engine() {
    return context.getBean(EmbeddedEngine.class);
  }

  public Instant engineNow() {
    return ((DurableEngine) engine().engine()).currentTime();
  }

  public JsonNode api(String method, String path, String user, Object body, int expected) throws Exception {
    ApiClient.Reply reply = api.send(method, path, user, body);
    assertThat(reply.status()).as("%s %s as %s: %s", method, path, user, reply.body()).isEqualTo(expected);
    return reply.body();
  }

  public long launch(String title, LocalDate deadline, String caseReference, String... agencies) throws Exception {
    return api("POST", "/api/audit-rounds", "qa.lead", Map.of("theme", "neglect", "title", title,
        "lookBackFrom", LocalDate.now().minusYears(1).toString(), "lookBackTo", LocalDate.now().toString(),
        "deadline", deadline.toString(), "children", List.of(Map.of("caseReference", caseReference, "age", 6,
            "agencies", List.of(agencies)))), 201).get("id").asLong();
  }

  public JsonNode round(long roundId) throws Exception {
    return api("GET", "/api/audit-rounds/" + roundId, "qa.lead", null, 200);
  }

  public long awaitTask(String user, long roundId, String element) {
    return await().atMost(WAIT).until(() -> {
      for (JsonNode t : api("GET", "/api/tasks", user, null, 200)) {
        if (String.valueOf(roundId).equals(t.path("subjectId").asText()) && element.equals(t.get("element").asText())
            && t.get("state").asText().equals("OPEN")) {
          return t.get("id").asLong();
        }
      }
      return null;
    }, id -> id != null);
  }

  public void submitAudit(long taskId, String user) throws Exception {
    Map<String, Object> answers = new LinkedHashMap<>();
    for (JsonNode c : api("GET", "/api/tasks/" + taskId, user, null, 200).get("form").get("components")) {
      if (c.path("key").asText().startsWith("heading_")) {
        answers.put(c.get("key").asText(), "good");
      }
    }
    answers.putAll(Map.of("evidence", "Case file", "disagreementArose", "no", "escalationPolicyUsed",
        "not-applicable", "voiceOfChild", "Seen alone", "overallGrade", "good"));
    api("POST", "/api/tasks/" + taskId + "/submission", user, answers, 202);
  }

  public JsonNode agencyReturn(long roundId, String agency) throws Exception {
    List<JsonNode> found = new ArrayList<>();
    round(roundId).get("children").get(0).get("returns")
        .forEach(r -> { if (r.get("agency").asText().equals(agency)) found.add(r); });
    return found.getFirst();
  }

  public void awaitReturnReceived(long roundId, String agency) {
    await().atMost(WAIT).until(() -> agencyReturn(roundId, agency).get("state").asText().equals("RECEIVED"));
  }

  /** Moderation, review and sign-off of a round whose returns are all in; waits until it is closed. */
  public void completeRound(long roundId) throws Exception {
    long discussion = awaitTask("pqa.member", roundId, "multiAgencyDiscussion");
    api("POST", "/api/tasks/" + discussion + "/submission", "pqa.member",
        Map.of("agreedGrade", "good", "rationale", "Agreed after discussion"), 202);
    long review = awaitTask("qa.lead", roundId, "reviewFindings");
    api("POST", "/api/tasks/" + review + "/submission", "qa.lead", Map.of("readyForSignOff", true), 202);
    long signOff = awaitTask("pqa.member", roundId, "signOff");
    api("POST", "/api/tasks/" + signOff + "/submission", "pqa.member", Map.of("signOffDecision", "approve"), 202);
    await().atMost(WAIT).until(() -> round(roundId).get("state").asText().equals("CLOSED"));
  }
}
