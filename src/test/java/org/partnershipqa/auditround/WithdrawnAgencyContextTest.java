package org.partnershipqa.auditround;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.partnershipqa.auditround.RoundTestApi.launchBody;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.partnershipqa.engine.EmbeddedEngine;
import org.partnershipqa.engine.durable.DurableEngine;
import org.partnershipqa.support.IntegrationTest;
import org.partnershipqa.support.SignIn;
import org.partnershipqa.workingdays.WorkingDays;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An agency misses its deadline: the QA lead's chase task names the agency, the child and the deadline; once the
 * agency is withdrawn the multi-agency discussion shows it marked withdrawn, with the reason, beside the returns.
 *
 * <p>Moves the engine clock, so it has an application context (engine, database) of its own, closed afterwards.
 */
@TestPropertySource(properties = "partnershipqa.test.context=withdrawn-agency-context")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class WithdrawnAgencyContextTest extends IntegrationTest {

  static final Duration WAIT = Duration.ofSeconds(60);
  static final DateTimeFormatter WORDS = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired UserDetailsService users;
  @Autowired EmbeddedEngine engine;

  @Test
  void chaseNamesTheOverdueAgencyAndTheDiscussionMarksItWithdrawn() throws Exception {
    RoundTestApi api = new RoundTestApi(mvc, json);
    LocalDate deadline = LocalDate.now(WorkingDays.LONDON).plusDays(10);
    long roundId = api.launch(launchBody("Withdrawn agency round", deadline,
        List.of(RoundTestApi.child("TW/2026/301", "police", "csc", "gp")))).get("id").asLong();
    for (String auditor : List.of("auditor.police", "auditor.csc")) {
      long task = awaitOpen(auditor, roundId, "single-agency-audit").get("id").asLong();
      api.submit(task, auditor, api.auditAnswers(task, auditor, "good"));
    }
    await().atMost(WAIT).until(() -> api.round(roundId).get("returnsSettled").asInt() == 2);

    // past the deadline: the QA lead is asked to chase the GP practice
    DurableEngine durable = (DurableEngine) engine.engine();
    Instant pastDeadline = WorkingDays.endOfDay(deadline).toInstant().plus(Duration.ofMinutes(1));
    durable.increaseTime(Duration.between(durable.currentTime(), pastDeadline));
    long chase = awaitOpen("qa.lead", roundId, "chase-return").get("id").asLong();
    Document chasePage = page("/tasks/" + chase, "qa.lead");
    assertThat(chasePage.select("#chased-returns tbody tr")).extracting(Element::text)
        .containsExactly("GP and primary care " + WORDS.format(deadline) + " Overdue");
    assertThat(chasePage.select("#round-facts").text()).contains("Withdrawn agency round");
    assertThat(chasePage.select("#chased-returns caption").text()).isEqualTo("Case TW/2026/301");
    Element inboxLink = page("/tasks", "qa.lead").selectFirst("a[href=/tasks/" + chase + "]");
    assertThat(inboxLink.closest("tr").select("td.app-task-about").text())
        .isEqualTo("Withdrawn agency round · TW/2026/301 · GP and primary care");

    api.submit(chase, "qa.lead",
        Map.of("chaseDecision", "withdraw", "chaseNote", "The practice holds no records for this child"));

    // the discussion shows the two returns and the GP practice withdrawn, with the reason
    long discussion = awaitOpen("pqa.member", roundId, "multi-agency-discussion").get("id").asLong();
    Element table = page("/tasks/" + discussion, "pqa.member").selectFirst("table#returns-side-by-side");
    assertThat(table.select("thead th.app-return-column")).extracting(Element::text).satisfiesExactly(
        police -> assertThat(police).startsWith("Police").contains("Received"),
        csc -> assertThat(csc).startsWith("Children's social care").contains("Received"),
        gp -> assertThat(gp).startsWith("GP and primary care").contains("Withdrawn")
            .contains("Reason: The practice holds no records for this child"));
    Element overall = table.select("tbody tr").stream()
        .filter(r -> r.selectFirst("th").text().equals("Overall single-agency grade")).findFirst().orElseThrow();
    assertThat(overall.select("td").eachText()).containsExactly("Good", "Good", "–");
  }

  private JsonNode awaitOpen(String user, long roundId, String formKey) {
    return await().atMost(WAIT).until(() -> {
      List<JsonNode> found = new ArrayList<>();
      for (JsonNode t : new RoundTestApi(mvc, json).call(get("/api/tasks"), user, 200)) {
        if (String.valueOf(roundId).equals(t.path("subjectId").asText())
            && formKey.equals(t.path("formKey").asText()) && "OPEN".equals(t.path("state").asText())) {
          found.add(t);
        }
      }
      return found;
    }, l -> l.size() == 1).getFirst();
  }

  private Document page(String path, String user) throws Exception {
    MockHttpServletResponse response = mvc.perform(get(path).with(SignIn.as(users, user))).andReturn().getResponse();
    assertThat(response.getStatus()).as("GET %s as %s", path, user).isEqualTo(200);
    return Jsoup.parse(response.getContentAsString());
  }
}
