package org.partnershipqa.auditround;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.partnershipqa.auditround.RoundTestApi.child;
import static org.partnershipqa.auditround.RoundTestApi.launchBody;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.partnershipqa.support.IntegrationTest;
import org.partnershipqa.support.SignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A round's actions live in the actions module: the discussion offers the active agencies as lead agency (a
 * mistyped code is refused), moderation proposes the actions, and closing the round starts tracking them.
 */
class RoundActionsTest extends IntegrationTest {

  static final Duration WAIT = Duration.ofSeconds(60);

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired UserDetailsService users;

  @Test
  void moderationProposesActionsFromTheAgenciesAndClosingTheRoundTracksThem() throws Exception {
    RoundTestApi api = new RoundTestApi(mvc, json);
    long roundId = api.launch(launchBody("Actions round", LocalDate.now().plusDays(30),
        List.of(child("RA/2026/1", "csc")))).get("id").asLong();
    long audit = await().atMost(WAIT).until(() -> api.openTasks("auditor.csc", roundId, "provideReturn"),
        l -> l.size() == 1).getFirst().get("id").asLong();
    api.submit(audit, "auditor.csc", api.auditAnswers(audit, "auditor.csc", "good"));
    long discussion = await().atMost(WAIT).until(() -> api.openTasks("pqa.member", roundId, "multiAgencyDiscussion"),
        l -> l.size() == 1).getFirst().get("id").asLong();

    // the lead agency is a choice of the agencies, by name, on the page and in the API's form
    Document page = Jsoup.parse(mvc.perform(get("/tasks/" + discussion).with(SignIn.as(users, "pqa.member")))
        .andReturn().getResponse().getContentAsString());
    assertThat(page.select("select#action1LeadAgency option[value=police]").text()).isEqualTo("Police");
    assertThat(page.select("select#action1LeadAgency option[value=sarc]").text())
        .isEqualTo("Sexual assault referral centre (SARC)");
    assertThat(leadAgencyOptions(api.task(discussion, "pqa.member").get("form"))).contains("police", "csc", "sarc");

    // a mistyped code is refused, nothing submitted
    Map<String, Object> answers = new LinkedHashMap<>(Map.of("agreedGrade", "requires-improvement",
        "rationale", "Escalation was not used", "gapsInAssurance", "Police investigation took too long",
        "action1", "Named investigating officer for every open case", "action1LeadAgency", "polise",
        "action1Owner", "Detective Inspector", "action1Due", LocalDate.now().plusMonths(3).toString()));
    RoundTestApi.Reply refused = api.postJson("/api/tasks/" + discussion + "/submission", answers, "pqa.member");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().get("errors").get(0).get("field").asText()).isEqualTo("action1LeadAgency");
    assertThat(api.task(discussion, "pqa.member").get("task").get("state").asText()).isEqualTo("OPEN");

    answers.put("action1LeadAgency", "police");
    answers.putAll(Map.of("action2", "Refresh escalation training", "action2LeadAgency", "csc"));
    api.submit(discussion, "pqa.member", answers);

    // moderation proposed both actions through the actions module
    JsonNode proposed = await().atMost(WAIT).until(() -> roundActions(api, roundId), l -> l.size() == 2).getFirst();
    assertThat(proposed.get("status").asText()).isEqualTo("PROPOSED");
    assertThat(proposed.get("sourceProcess").asText()).isEqualTo("themed-audit-round");
    assertThat(proposed.get("subjectLabel").asText()).isEqualTo("Actions round");
    assertThat(proposed.get("caseReference").asText()).isEqualTo("RA/2026/1");
    assertThat(proposed.get("leadAgencyName").asText()).isEqualTo("Police");
    assertThat(proposed.get("finding").asText()).isEqualTo("Police investigation took too long");

    // the findings keep their shape
    long review = await().atMost(WAIT).until(() -> api.openTasks("qa.lead", roundId, "reviewFindings"),
        l -> l.size() == 1).getFirst().get("id").asLong();
    JsonNode summary = api.round(roundId).get("findings").get("actions").get(0);
    assertThat(summary.get("caseReference").asText()).isEqualTo("RA/2026/1");
    assertThat(summary.get("description").asText()).isEqualTo("Named investigating officer for every open case");
    assertThat(summary.get("leadAgency").asText()).isEqualTo("police");
    assertThat(summary.get("owner").asText()).isEqualTo("Detective Inspector");
    assertThat(summary.get("dueDate").asText()).isEqualTo(LocalDate.now().plusMonths(3).toString());

    // closing the round tracks them, recorded in their history
    api.submit(review, "qa.lead", Map.of("readyForSignOff", true));
    long signOff = await().atMost(WAIT).until(() -> api.openTasks("pqa.member", roundId, "signOff"),
        l -> l.size() == 1).getFirst().get("id").asLong();
    api.submit(signOff, "pqa.member", Map.of("signOffDecision", "approve"));
    await().atMost(WAIT).until(() -> api.round(roundId).get("state").asText().equals("CLOSED"));
    List<JsonNode> tracked = roundActions(api, roundId);
    assertThat(tracked).extracting(a -> a.get("status").asText()).containsExactly("NOT_STARTED", "NOT_STARTED");
    JsonNode history = api.call(get("/api/actions/" + tracked.getFirst().get("id").asLong()), "auditor.police", 200)
        .get("history");
    assertThat(history).extracting(h -> h.get("by").asText() + ": " + h.get("what").asText())
        .containsExactly("pqa.member: Proposed", "pqa.member: Status: Proposed → Not started");

    Document round = Jsoup.parse(mvc.perform(get("/audit-rounds/" + roundId).with(SignIn.as(users, "qa.lead")))
        .andReturn().getResponse().getContentAsString());
    assertThat(round.select("#actions + table tbody tr").first().text())
        .contains("Named investigating officer for every open case").contains("Police").contains("Not started");
  }

  private static List<String> leadAgencyOptions(JsonNode form) {
    List<String> codes = new ArrayList<>();
    form.findParents("key").stream().filter(c -> c.get("key").asText().equals("action1LeadAgency"))
        .forEach(c -> c.get("values").forEach(v -> codes.add(v.get("value").asText())));
    return codes;
  }

  private static List<JsonNode> roundActions(RoundTestApi api, long roundId) throws Exception {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode a : api.call(get("/api/actions"), "qa.lead", 200)) {
      if ("audit-round".equals(a.get("subjectType").asText()) && String.valueOf(roundId).equals(a.get("subjectId").asText())) {
        found.add(a);
      }
    }
    found.sort(java.util.Comparator.comparing(a -> a.get("id").asLong()));
    return found;
  }
}
