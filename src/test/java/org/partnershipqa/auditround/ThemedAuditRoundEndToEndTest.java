package org.partnershipqa.auditround;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.partnershipqa.support.EngineRecords.assertProcessInstance;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.partnershipqa.engine.EmbeddedEngine;
import org.partnershipqa.support.IntegrationTest;
import org.partnershipqa.tasks.TaskDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A round of 5 children with 3 to 5 agencies each runs end to end on the embedded engine, every step done
 * through the API as the person whose job it is: launch, all returns, moderation, findings, briefing,
 * returned once at sign-off, approved, closed.
 */
class ThemedAuditRoundEndToEndTest extends IntegrationTest {

  static final Map<String, String> AUDITORS = Map.of("csc", "auditor.csc", "police", "auditor.police",
      "acute-health", "auditor.health", "schools", "auditor.schools", "gp", "auditor.gp");

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired EmbeddedEngine engine;
  @Autowired TaskDirectory taskDirectory;

  @Test
  void roundRunsFromLaunchToClosedWithOneReturnAtSignOff() throws Exception {
    List<Map<String, Object>> children = List.of(
        child("WS/2026/101", 4, "Female", "White British", "Child protection", "csc", "police", "gp"),
        child("WS/2026/102", 9, "Male", "Asian British", "Child in need", "csc", "schools", "acute-health", "gp"),
        child("WS/2026/103", 15, "Female", "Mixed", "Looked after", "csc", "police", "schools", "acute-health", "gp"),
        child("WS/2026/104", 1, "Male", "White British", "Child protection", "csc", "acute-health", "gp"),
        child("WS/2026/105", 12, "Female", "Black British", "Child in need", "csc", "police", "schools"));
    int expectedReturns = children.stream().mapToInt(c -> ((List<?>) c.get("agencies")).size()).sum();
    Map<String, Object> launch = Map.of("theme", "csa-family", "title", "Q3 child sexual abuse deep dive",
        "quarter", "2026-27 Q3", "lookBackFrom", LocalDate.now().minusYears(1).toString(),
        "lookBackTo", LocalDate.now().toString(), "deadline", LocalDate.now().plusDays(20).toString(),
        "children", children);
    JsonNode round = call(post("/api/audit-rounds").content(json.writeValueAsString(launch)), "qa.lead", 201);
    long roundId = round.get("id").asLong();
    assertThat(round.get("children")).hasSize(5);

    // every agency auditor completes their own single-agency audits
    int done = 0;
    await().atMost(Duration.ofSeconds(60)).until(() -> openTasks("auditor.csc", roundId, "provideReturn").size() == 5);
    for (Map.Entry<String, String> auditor : AUDITORS.entrySet()) {
      for (JsonNode task : openTasks(auditor.getValue(), roundId, "provideReturn")) {
        assertThat(task.get("candidateGroups").get(0).asText()).isEqualTo(auditor.getKey());
        submit(task.get("id").asLong(), auditor.getValue(), auditAnswers(task.get("id").asLong(), auditor.getValue(),
            auditor.getKey().equals("police") ? "requires-improvement" : "good"));
        done++;
      }
    }
    assertThat(done).isEqualTo(expectedReturns);
    await().atMost(Duration.ofSeconds(60)).until(() ->
        call(get("/api/audit-rounds/" + roundId), "pqa.member", 200).get("returnsSettled").asInt() == expectedReturns);

    // the PQA sub-group moderates each child
    await().atMost(Duration.ofSeconds(60)).until(() -> openTasks("pqa.member", roundId, "multiAgencyDiscussion").size() == 5);
    int i = 0;
    for (JsonNode task : openTasks("pqa.member", roundId, "multiAgencyDiscussion")) {
      Map<String, Object> answers = new LinkedHashMap<>(Map.of("agreedGrade", i++ < 4 ? "requires-improvement" : "good",
          "rationale", "Agencies worked together but escalation was not used", "assurances", "Good school engagement",
          "gapsInAssurance", "Police investigation took too long"));
      if (i == 1) {
        answers.putAll(Map.of("action1", "Named investigating officer for every open case", "action1LeadAgency", "police",
            "action1Owner", "Detective Inspector", "action1Due", LocalDate.now().plusMonths(3).toString()));
      }
      submit(task.get("id").asLong(), "pqa.member", answers);
    }

    // findings compiled and the briefing drafted; the QA lead reviews; PQA returns it once, then approves
    JsonNode review = await().atMost(Duration.ofSeconds(60)).until(
        () -> first(openTasks("qa.lead", roundId, "reviewFindings")), t -> t != null);
    JsonNode state = call(get("/api/audit-rounds/" + roundId), "qa.lead", 200);
    assertThat(state.get("findings").get("childrenPerGrade").get("requires-improvement").asInt()).isEqualTo(4);
    assertThat(state.get("findings").get("childrenPerGrade").get("good").asInt()).isEqualTo(1);
    JsonNode briefing = call(get("/api/audit-rounds/" + roundId + "/briefing"), "qa.lead", 200);
    assertThat(briefing.get("panels")).hasSize(7);
    assertThat(briefing.get("panels").get(1).get("title").asText()).isEqualTo("What did we do?");
    assertThat(briefing.get("panels").get(1).get("text").asText()).contains("5 children").contains("The children were aged 1 to 15")
        .contains("in 4 of 5 audits multi-agency practice was rated requires improvement");

    submit(review.get("id").asLong(), "qa.lead", Map.of("readyForSignOff", true));
    JsonNode signOff = await().atMost(Duration.ofSeconds(60)).until(
        () -> first(openTasks("pqa.member", roundId, "signOff")), t -> t != null);
    submit(signOff.get("id").asLong(), "pqa.member", Map.of("signOffDecision", "return",
        "signOffComments", "Please say more about escalation in panel 6"));
    JsonNode reviewAgain = await().atMost(Duration.ofSeconds(60)).until(
        () -> first(openTasks("qa.lead", roundId, "reviewFindings")), t -> t != null);
    submit(reviewAgain.get("id").asLong(), "qa.lead", Map.of("readyForSignOff", true));
    JsonNode signOffAgain = await().atMost(Duration.ofSeconds(60)).until(
        () -> first(openTasks("pqa.member", roundId, "signOff")), t -> t != null);
    submit(signOffAgain.get("id").asLong(), "pqa.member", Map.of("signOffDecision", "approve"));

    await().atMost(Duration.ofSeconds(60)).until(() ->
        call(get("/api/audit-rounds/" + roundId), "qa.lead", 200).get("state").asText().equals("CLOSED"));
    JsonNode closed = call(get("/api/audit-rounds/" + roundId), "qa.lead", 200);
    assertThat(closed.get("signOffHistory")).hasSize(2);
    assertThat(closed.get("signOffHistory").get(0).get("decision").asText()).isEqualTo("return");
    assertThat(call(get("/api/audit-rounds/" + roundId + "/briefing"), "qa.lead", 200).get("published").asBoolean()).isTrue();

    // the path on the engine's record stream: the round, and the agency request it called for each return
    List<org.partnershipqa.tasks.Task> tasks = taskDirectory.forSubject("audit-round", String.valueOf(roundId));
    long instance = tasks.stream().filter(t -> t.getBpmnProcessId().equals("themed-audit-round")).findFirst()
        .orElseThrow().getProcessInstanceKey();
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertProcessInstance(engine, instance).isCompleted()
        .hasPassedElementsInOrder("roundLaunched", "compileFindings", "draftBriefing", "signOffBriefing", "closeRound")
        .hasPassedElement("auditChild", 5 + 1) // one per child, plus the multi-instance body
        .hasPassedElement("requestReturns", expectedReturns + 5) // one per return, plus a body per child
        .hasCalledProcess("agency-request")
        .hasCalledProcess("briefing-sign-off")
        .hasPassedElement("multiAgencyDiscussion", 5)
        .hasNoIncidents());
    long signOffProcess = tasks.stream().filter(t -> t.getBpmnProcessId().equals("briefing-sign-off")).findFirst()
        .orElseThrow().getProcessInstanceKey();
    assertProcessInstance(engine, signOffProcess).isCompleted().hasNoIncidents()
        .hasPassedElementsInOrder("reviewFindings", "signOff", "recordSignOff", "reviewFindings", "signOff",
            "recordSignOff", "publishBriefing");
    List<Long> requests = tasks.stream().filter(t -> t.getBpmnProcessId().equals("agency-request"))
        .map(org.partnershipqa.tasks.Task::getProcessInstanceKey).distinct().toList();
    assertThat(requests).hasSize(expectedReturns);
    for (long request : requests) {
      assertProcessInstance(engine, request).isCompleted().hasNoIncidents()
          .hasPassedElementsInOrder("requestMade", "scheduleRequest", "provideReturn", "receiveReturn", "requestReceived");
      assertThat(org.partnershipqa.support.EngineRecords.rootVariable(org.partnershipqa.support.EngineRecords.records(engine),
          request, "outcome")).isEqualTo("\"received\"");
    }
  }

  private Map<String, Object> auditAnswers(long taskId, String user, String overall) throws Exception {
    JsonNode form = call(get("/api/tasks/" + taskId), user, 200).get("form");
    Map<String, Object> answers = new LinkedHashMap<>();
    for (JsonNode c : form.get("components")) {
      String key = c.path("key").asText();
      if (key.startsWith("heading_")) {
        answers.put(key, overall);
      }
    }
    assertThat(answers).hasSize(7);
    answers.putAll(Map.of("evidence", "Case notes and chronology", "disagreementArose", "yes",
        "escalationPolicyUsed", "no", "voiceOfChild", "Seen alone; wishes recorded", "overallGrade", overall,
        "goodPractice", "Timely strategy discussion"));
    return answers;
  }

  private static Map<String, Object> child(String ref, int age, String sex, String ethnicity, String plan, String... agencies) {
    return Map.of("caseReference", ref, "age", age, "sex", sex, "ethnicity", ethnicity, "planType", plan,
        "agencies", List.of(agencies));
  }

  private List<JsonNode> openTasks(String user, long roundId, String element) throws Exception {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode t : call(get("/api/tasks"), user, 200)) {
      if (String.valueOf(roundId).equals(t.path("subjectId").asText()) && element.equals(t.get("element").asText())
          && "OPEN".equals(t.get("state").asText())) {
        found.add(t);
      }
    }
    return found;
  }

  private static JsonNode first(List<JsonNode> list) {
    return list.isEmpty() ? null : list.getFirst();
  }

  private void submit(long taskId, String user, Map<String, Object> answers) throws Exception {
    call(post("/api/tasks/" + taskId + "/submission").content(json.writeValueAsString(answers)), user, 202);
  }

  private JsonNode call(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
      String user, int expectedStatus) throws Exception {
    String body = mvc.perform(request.with(httpBasic(user, "demo")).contentType(MediaType.APPLICATION_JSON))
        .andExpect(status().is(expectedStatus)).andReturn().getResponse().getContentAsString();
    return json.readTree(body);
  }
}
