package org.partnershipqa.auditround;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.partnershipqa.auditround.RoundTestApi.launchBody;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.partnershipqa.accesslog.AccessAction;
import org.partnershipqa.accesslog.AccessLog;
import org.partnershipqa.support.IntegrationTest;
import org.partnershipqa.support.SignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Audit-round tasks carry their context: the discussion shows every agency's return side by side, an auditor's
 * audit names the round and the child's facts, review and sign-off name the round and show the last return's
 * comments, the inbox says what each task is about, and a return without comments is refused.
 */
class RoundTaskContextTest extends IntegrationTest {

  static final Duration WAIT = Duration.ofSeconds(60);
  static final DateTimeFormatter WORDS = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired UserDetailsService users;
  @Autowired SampledChildRepository children;
  @Autowired AccessLog accessLog;

  @Test
  void discussionTaskShowsEveryAgencysReturnSideBySideInTheFormsWords() throws Exception {
    RoundTestApi api = new RoundTestApi(mvc, json);
    LocalDate deadline = LocalDate.now().plusDays(15);
    long roundId = api.launch(launchBody("Context round side by side", deadline,
        List.of(child("TC/2026/101", "police", "csc", "gp")))).get("id").asLong();

    // the police auditor's audit names the round and the child's facts, and the inbox says what it is about
    long policeTask = awaitOpen("auditor.police", roundId, "single-agency-audit").get("id").asLong();
    Document audit = page("/tasks/" + policeTask, "auditor.police");
    assertThat(audit.select("#round-facts").text()).contains("Context round side by side").contains("Neglect");
    assertThat(audit.select("#child-facts").text()).contains("Age 7").contains("Female")
        .contains("Child in need");
    assertThat(audit.select("#agency-deadline").text()).isEqualTo("Police return due by " + WORDS.format(deadline));
    assertThat(about(page("/tasks", "auditor.police"), policeTask))
        .isEqualTo("Context round side by side · TC/2026/101 · Police");
    assertThat(api.task(policeTask, "auditor.police").get("task").get("context").asText())
        .isEqualTo("Context round side by side · TC/2026/101 · Police");

    submitAudit(api, roundId, "auditor.police", "requires-improvement", "Police evidence: custody and CAD records",
        "yes");
    submitAudit(api, roundId, "auditor.csc", "good", "Social care evidence: assessments and plans", "no");
    submitAudit(api, roundId, "auditor.gp", "outstanding", "GP evidence: consultation notes", "no");

    long discussion = awaitOpen("pqa.member", roundId, "multi-agency-discussion").get("id").asLong();
    long childId = children.findByRoundIdAndCaseReference(roundId, "TC/2026/101").orElseThrow().getId();
    long viewsBefore = accessLog.count("sampled-child", String.valueOf(childId), AccessAction.VIEW);
    Document page = page("/tasks/" + discussion, "pqa.member");

    Element table = page.selectFirst("table#returns-side-by-side");
    assertThat(table).isNotNull();
    assertThat(table.select("thead th.app-return-column")).extracting(Element::text).satisfiesExactly(
        police -> assertThat(police).startsWith("Police").contains("Received"),
        csc -> assertThat(csc).startsWith("Children's social care").contains("Received"),
        gp -> assertThat(gp).startsWith("GP and primary care").contains("Received"));
    assertThat(cells(table, "Overall single-agency grade"))
        .containsExactly("Requires improvement", "Good", "Outstanding");
    assertThat(cells(table, "Evidence reviewed")).containsExactly("Police evidence: custody and CAD records",
        "Social care evidence: assessments and plans", "GP evidence: consultation notes");
    assertThat(cells(table, "Did professional disagreement arise?")).containsExactly("Yes", "No", "No");
    assertThat(cells(table, "Was the escalation policy used?"))
        .containsExactly("Not applicable", "Not applicable", "Not applicable");
    assertThat(cells(table, "Voice of the child: how were the child's wishes and feelings heard?")).hasSize(3);
    // a theme heading, graded in words; no codes or field keys anywhere in the table
    assertThat(table.select("tbody th").eachText()).contains("Voice of the child");
    assertThat(table.text()).doesNotContain("requires-improvement", "not-applicable", "overallGrade", "heading_");
    // the grade rows come first: every theme heading, then the overall grade
    List<String> questions = table.select("tbody th").eachText();
    assertThat(questions.indexOf("Overall single-agency grade")).isLessThan(questions.indexOf("Evidence reviewed"));

    assertThat(page.select("#child-facts").text()).contains("Female").contains("Child in need");
    assertThat(page.select("a[href*=/audit-rounds/" + roundId + "/children/]")).hasSize(1);
    assertThat(accessLog.count("sampled-child", String.valueOf(childId), AccessAction.VIEW)).isEqualTo(viewsBefore + 1);
    assertThat(about(page("/tasks", "pqa.member"), discussion)).isEqualTo("Context round side by side · TC/2026/101");
  }

  @Test
  void returnWithoutCommentsIsRefusedAndTheCommentsReachTheQaLeadsReview() throws Exception {
    RoundTestApi api = new RoundTestApi(mvc, json);
    long roundId = api.launch(launchBody("Context round sign-off", LocalDate.now().plusDays(15),
        List.of(child("TC/2026/201", "csc")))).get("id").asLong();
    submitAudit(api, roundId, "auditor.csc", "good", "Assessments", "no");
    long discussion = awaitOpen("pqa.member", roundId, "multi-agency-discussion").get("id").asLong();
    api.submit(discussion, "pqa.member", Map.of("agreedGrade", "good", "rationale", "Worked well together"));
    long review = awaitOpen("qa.lead", roundId, "review-findings").get("id").asLong();

    // the review task names its round in the inbox, where it showed "–"
    assertThat(about(page("/tasks", "qa.lead"), review)).isEqualTo("Context round sign-off · 2026-27 Q3");
    Document firstReview = page("/tasks/" + review, "qa.lead");
    assertThat(firstReview.select("#round-facts").text()).contains("Context round sign-off").contains("Neglect")
        .contains("2026-27 Q3");
    assertThat(firstReview.select("a[href=/audit-rounds/" + roundId + "/briefing]")).hasSize(1);
    assertThat(firstReview.select("a[href=/audit-rounds/" + roundId + "#findings]")).hasSize(1);
    assertThat(firstReview.select("#last-return")).isEmpty();
    api.submit(review, "qa.lead", Map.of("readyForSignOff", true));
    long signOff = awaitOpen("pqa.member", roundId, "sign-off").get("id").asLong();

    // returning without comments: the page says so, keeps the decision, and nothing is submitted
    MockHttpServletResponse refused = mvc.perform(post("/tasks/" + signOff).with(as("pqa.member")).with(csrf())
        .param("action", "submit").param("signOffDecision", "return").param("signOffComments", "  "))
        .andReturn().getResponse();
    assertThat(refused.getStatus()).isEqualTo(400);
    Document refusedPage = Jsoup.parse(refused.getContentAsString());
    assertThat(refusedPage.title()).startsWith("Error: ");
    assertThat(refusedPage.select(".govuk-error-summary__list a").eachAttr("href")).containsExactly("#signOffComments");
    assertThat(refusedPage.select(".govuk-error-summary").text()).contains(SignOffNeedsComments.MESSAGE);
    assertThat(refusedPage.select("#signOffComments-error").text()).contains(SignOffNeedsComments.MESSAGE);
    assertThat(refusedPage.select("input[name=signOffDecision][checked]").eachAttr("value")).containsExactly("return");
    assertThat(refusedPage.select("#round-facts").text()).contains("Context round sign-off");

    RoundTestApi.Reply apiRefused = api.postJson("/api/tasks/" + signOff + "/submission",
        Map.of("signOffDecision", "return", "signOffComments", ""), "pqa.member");
    assertThat(apiRefused.status()).isEqualTo(400);
    assertThat(apiRefused.body().get("errors").findValuesAsText("field")).containsExactly("signOffComments");
    assertThat(api.task(signOff, "pqa.member").get("task").get("state").asText()).isEqualTo("OPEN");

    // with comments the return is taken, and the QA lead's next review shows them: who, when, what
    String comments = "Please say more about escalation in panel 6";
    mvc.perform(post("/tasks/" + signOff).with(as("pqa.member")).with(csrf()).param("action", "submit")
        .param("signOffDecision", "return").param("signOffComments", comments))
        .andExpect(status().is3xxRedirection());
    long secondReview = await().atMost(WAIT).until(() -> openByForm("qa.lead", roundId, "review-findings"),
        l -> l.size() == 1 && l.getFirst().get("id").asLong() != review).getFirst().get("id").asLong();
    Document reviewAgain = page("/tasks/" + secondReview, "qa.lead");
    String today = WORDS.format(LocalDate.now(ZoneId.of("Europe/London")));
    assertThat(reviewAgain.select("#last-return").text()).contains(comments).contains("Parker Quality").contains(today);

    // and so does the round page, and the next sign-off task
    assertThat(page("/audit-rounds/" + roundId, "qa.lead").select("#sign-off-decisions").text())
        .contains("Returned to the QA lead").contains("Parker Quality").contains(comments);
    api.submit(secondReview, "qa.lead", Map.of("readyForSignOff", true));
    long secondSignOff = await().atMost(WAIT).until(() -> openByForm("pqa.member", roundId, "sign-off"),
        l -> l.size() == 1 && l.getFirst().get("id").asLong() != signOff).getFirst().get("id").asLong();
    assertThat(page("/tasks/" + secondSignOff, "pqa.member").select("#last-return").text()).contains(comments);

    // approving needs no comments
    RoundTestApi.Reply approved = api.postJson("/api/tasks/" + secondSignOff + "/submission",
        Map.of("signOffDecision", "approve"), "pqa.member");
    assertThat(approved.status()).isEqualTo(202);
  }

  private void submitAudit(RoundTestApi api, long roundId, String auditor, String grade, String evidence,
      String disagreement) throws Exception {
    long task = awaitOpen(auditor, roundId, "single-agency-audit").get("id").asLong();
    Map<String, Object> answers = new LinkedHashMap<>(api.auditAnswers(task, auditor, grade));
    answers.put("evidence", evidence);
    answers.put("disagreementArose", disagreement);
    api.submit(task, auditor, answers);
  }

  /** The one open task of a form for a round, as the user's inbox lists it (by form key: element ids change). */
  private JsonNode awaitOpen(String user, long roundId, String formKey) {
    return await().atMost(WAIT).until(() -> openByForm(user, roundId, formKey), l -> l.size() == 1).getFirst();
  }

  private List<JsonNode> openByForm(String user, long roundId, String formKey) throws Exception {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode t : new RoundTestApi(mvc, json).call(get("/api/tasks"), user, 200)) {
      if (String.valueOf(roundId).equals(t.path("subjectId").asText()) && formKey.equals(t.path("formKey").asText())
          && "OPEN".equals(t.path("state").asText())) {
        found.add(t);
      }
    }
    return found;
  }

  /** The answers of one question (row), one per agency (column). */
  private static List<String> cells(Element table, String question) {
    Element row = table.select("tbody tr").stream().filter(r -> r.selectFirst("th").text().equals(question))
        .findFirst().orElseThrow(() -> new AssertionError("No row " + question));
    return row.select("td").eachText();
  }

  /** What the inbox says a task is about. */
  private static String about(Document inbox, long taskId) {
    Element link = inbox.selectFirst("a[href=/tasks/" + taskId + "]");
    assertThat(link).as("task %s in the inbox", taskId).isNotNull();
    return link.closest("tr").select("td.app-task-about").text();
  }

  private Document page(String path, String user) throws Exception {
    MockHttpServletResponse response = mvc.perform(get(path).with(as(user))).andReturn().getResponse();
    assertThat(response.getStatus()).as("GET %s as %s", path, user).isEqualTo(200);
    return Jsoup.parse(response.getContentAsString());
  }

  private RequestPostProcessor as(String user) {
    return SignIn.as(users, user);
  }

  private static Map<String, Object> child(String caseReference, String... agencies) {
    return RoundTestApi.child(caseReference, agencies);
  }
}
