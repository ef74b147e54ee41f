package org.partnershipqa.auditround;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.partnershipqa.auditround.RoundTestApi.child;
import static org.partnershipqa.auditround.RoundTestApi.launchBody;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

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
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.partnershipqa.support.IntegrationTest;
import org.partnershipqa.support.SignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * People read words, not codes: process names, agency and role names, round and return states in sentence case,
 * grade labels in grading order (Outstanding, Good, Requires improvement, Inadequate), and the questions and option
 * labels of the form the agencies answered. Checked on the pages of a round run to its findings.
 */
class RoundPagesInWordsTest extends IntegrationTest {

  private static final List<String> GRADES = List.of("Outstanding", "Good", "Requires improvement", "Inadequate");
  private static final List<String> CODES = List.of("requires-improvement", "not-applicable", "qa-lead",
      "pqa-member", "overallGrade", "disagreementArose", "escalationPolicyUsed", "IN_PROGRESS", "FINDINGS",
      "themed-audit-round", "RECEIVED", "PROPOSED");

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired UserDetailsService users;

  @Test
  void theRoundItsChildrenAndItsTasksAreShownInWords() throws Exception {
    RoundTestApi api = new RoundTestApi(mvc, json);
    long roundId = api.launch(launchBody("In words", LocalDate.now().plusDays(20),
        List.of(child("WD/2026/1", "csc", "police"), child("WD/2026/2", "police")))).get("id").asLong();

    // the agencies return: every heading requires improvement but the last, which does not apply
    List<JsonNode> audits = awaitTasks(api, roundId, "single-agency-audit", 3);
    for (JsonNode task : audits) {
      String user = task.get("candidateGroups").get(0).asText().equals("csc") ? "auditor.csc" : "auditor.police";
      long id = task.get("id").asLong();
      Map<String, Object> answers = new LinkedHashMap<>(api.auditAnswers(id, user, "requires-improvement"));
      List<String> headings = api.headingKeys(id, user);
      answers.put(headings.getLast(), "not-applicable");
      answers.put("disagreementArose", "yes");
      answers.put("escalationPolicyUsed", "not-applicable");
      api.submit(id, user, answers);
    }
    // the discussion agrees Outstanding for one child and Good for the other, with an action led by the police
    List<JsonNode> discussions = awaitTasks(api, roundId, "multi-agency-discussion", 2);
    for (int i = 0; i < discussions.size(); i++) {
      Map<String, Object> answers = new LinkedHashMap<>(Map.of("agreedGrade", i == 0 ? "outstanding" : "good",
          "rationale", "Agencies worked well together"));
      if (i == 0) {
        answers.putAll(Map.of("action1", "Share the chronology", "action1LeadAgency", "police",
            "action1Owner", "Detective Inspector", "action1Due", LocalDate.now().plusMonths(3).toString()));
      }
      api.submit(discussions.get(i).get("id").asLong(), "pqa.member", answers);
    }
    JsonNode review = awaitTasks(api, roundId, "review-findings", 1).getFirst();

    // the round page
    Element round = main(page("/audit-rounds/" + roundId, "qa.lead"));
    assertThat(round.select("#round-state").text()).isEqualTo("Findings");
    assertThat(round.select("#grade-distribution tbody th").eachText()).containsExactlyElementsOf(GRADES);
    assertThat(round.select("#grade-distribution tbody td.govuk-table__cell--numeric").eachText())
        .containsExactly("1", "1", "0", "0");
    Element byHeading = round.selectFirst("table:has(th:containsOwn(Heading))");
    List<String> columns = new ArrayList<>(GRADES);
    columns.addFirst("Heading");
    columns.add("Not applicable");
    assertThat(byHeading.select("thead th").eachText()).containsExactlyElementsOf(columns);
    assertThat(round.text()).contains("Outstanding").contains("Police").contains("QA lead").contains("Proposed");
    assertWithoutCodes(round);

    assertThat(main(page("/audit-rounds", "qa.lead")).select("td strong.govuk-tag").eachText()).contains("Findings");

    // the child page: the form's questions and the option labels of each agency's answers
    String href = round.select("a:containsOwn(WD/2026/1)").attr("href");
    Element child = main(page(href, "pqa.member"));
    assertThat(child.select("thead th").eachText())
        .containsExactly("Question", "Children's social care (Received)", "Police (Received)");
    assertThat(child.select("tbody th").eachText()).contains("Overall single-agency grade",
        "Did professional disagreement arise?", "Was the escalation policy used?", "Evidence reviewed");
    assertThat(row(child, "Overall single-agency grade")).containsExactly("Requires improvement", "Requires improvement");
    assertThat(row(child, "Did professional disagreement arise?")).containsExactly("Yes", "Yes");
    assertThat(row(child, "Was the escalation policy used?")).containsExactly("Not applicable", "Not applicable");
    assertThat(child.text()).contains("Agreed at the multi-agency discussion").contains("Outstanding");
    assertWithoutCodes(child);

    // the task pages: what the task is about (its round's context, else the process's name), who it is for, and
    // answers in words
    JsonNode policeAudit = audits.stream().filter(t -> t.get("candidateGroups").get(0).asText().equals("police"))
        .findFirst().orElseThrow();
    Element audit = main(page("/tasks/" + policeAudit.get("id").asLong(), "auditor.police"));
    assertThat(audit.select(".govuk-caption-l").text()).isEqualTo(policeAudit.get("context").asText())
        .contains(policeAudit.get("caseReference").asText()).contains("Police");
    assertThat(audit.select(".govuk-summary-list__row:has(dt:containsOwn(For)) dd").text()).isEqualTo("Police");
    assertThat(audit.select("table.app-answer-table").text()).contains("Requires improvement").contains("Not applicable");
    assertWithoutCodes(audit);

    Element reviewPage = main(page("/tasks/" + review.get("id").asLong(), "qa.lead"));
    assertThat(reviewPage.select(".govuk-summary-list__row:has(dt:containsOwn(For)) dd").text()).isEqualTo("QA lead");
    assertWithoutCodes(reviewPage);

    // the drafted briefing names the grades in grading order
    JsonNode briefing = api.call(get("/api/audit-rounds/" + roundId + "/briefing"), "qa.lead", 200);
    assertThat(briefing.get("panels").get(1).get("text").asText()).contains(
        "In 1 of 2 audits multi-agency practice was rated outstanding; in 1 of 2 audits multi-agency practice was rated good");
  }

  private static void assertWithoutCodes(Element main) {
    String text = main.text();
    assertThat(CODES).as("codes shown in %s", text).noneMatch(text::contains);
  }

  private static List<String> row(Element table, String question) {
    return table.select("tbody tr:has(th:containsOwn(" + question + ")) td").eachText();
  }

  private List<JsonNode> awaitTasks(RoundTestApi api, long roundId, String formKey, int count) {
    String user = switch (formKey) {
      case "multi-agency-discussion" -> "pqa.member";
      case "review-findings" -> "qa.lead";
      default -> null;
    };
    return await().atMost(Duration.ofSeconds(60)).until(() -> {
      List<JsonNode> found = new ArrayList<>();
      for (String u : user == null ? List.of("auditor.csc", "auditor.police") : List.of(user)) {
        for (JsonNode t : api.call(get("/api/tasks"), u, 200)) {
          if (String.valueOf(roundId).equals(t.path("subjectId").asText()) && formKey.equals(t.path("formKey").asText())
              && "OPEN".equals(t.get("state").asText())) {
            found.add(t);
          }
        }
      }
      return found;
    }, found -> found.size() == count);
  }

  private Document page(String path, String user) throws Exception {
    var response = mvc.perform(get(path).with(SignIn.as(users, user))).andReturn().getResponse();
    assertThat(response.getStatus()).as("%s as %s", path, user).isEqualTo(200);
    return Jsoup.parse(response.getContentAsString());
  }

  private static Element main(Document page) {
    return page.selectFirst("main");
  }
}
