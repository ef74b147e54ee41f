package org.partnershipqa.auditround;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The audit-round and task API as the tests in this package call it (JSON, HTTP basic as a demo user). */
final class RoundTestApi {

  private final MockMvc mvc;
  private final ObjectMapper json;

  RoundTestApi(MockMvc mvc, ObjectMapper json) {
    this.mvc = mvc;
    this.json = json;
  }

  record Reply(int status, String contentType, JsonNode body) {}

  Reply send(MockHttpServletRequestBuilder request, String user) throws Exception {
    MockHttpServletResponse response = mvc.perform(request.with(httpBasic(user, "demo"))
        .contentType(MediaType.APPLICATION_JSON)).andReturn().getResponse();
    String body = response.getContentAsString();
    return new Reply(response.getStatus(), response.getContentType(), body.isBlank() ? null : json.readTree(body));
  }

  JsonNode call(MockHttpServletRequestBuilder request, String user, int expectedStatus) throws Exception {
    Reply reply = send(request, user);
    assertThat(reply.status()).as("HTTP status, body %s", reply.body()).isEqualTo(expectedStatus);
    return reply.body();
  }

  Reply postJson(String path, Object body, String user) throws Exception {
    return send(post(path).content(json.writeValueAsString(body)), user);
  }

  JsonNode launch(Map<String, Object> body) throws Exception {
    return call(post("/api/audit-rounds").content(json.writeValueAsString(body)), "qa.lead", 201);
  }

  JsonNode round(long id) throws Exception {
    return call(get("/api/audit-rounds/" + id), "qa.lead", 200);
  }

  /** The round's return of one agency for its first child. */
  JsonNode returnOf(long roundId, String agency) throws Exception {
    for (JsonNode r : round(roundId).get("children").get(0).get("returns")) {
      if (agency.equals(r.get("agency").asText())) {
        return r;
      }
    }
    throw new AssertionError("No return of " + agency + " in round " + roundId);
  }

  JsonNode task(long id, String user) throws Exception {
    return call(get("/api/tasks/" + id), user, 200);
  }

  List<JsonNode> openTasks(String user, long roundId, String element) throws Exception {
    return openTasks(user, "audit-round", String.valueOf(roundId), element);
  }

  List<JsonNode> openTasks(String user, String subjectType, String subjectId, String element) throws Exception {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode t : call(get("/api/tasks"), user, 200)) {
      if (subjectType.equals(t.path("subjectType").asText()) && subjectId.equals(t.path("subjectId").asText())
          && element.equals(t.get("element").asText()) && "OPEN".equals(t.get("state").asText())) {
        found.add(t);
      }
    }
    return found;
  }

  void submit(long taskId, String user, Map<String, Object> answers) throws Exception {
    call(post("/api/tasks/" + taskId + "/submission").content(json.writeValueAsString(answers)), user, 202);
  }

  /** Complete, valid answers to a round's single-agency audit form (every theme heading graded). */
  Map<String, Object> auditAnswers(long taskId, String user, String grade) throws Exception {
    Map<String, Object> answers = new LinkedHashMap<>();
    for (String key : headingKeys(taskId, user)) {
      answers.put(key, grade);
    }
    answers.putAll(Map.of("evidence", "Case notes and chronology", "disagreementArose", "no",
        "escalationPolicyUsed", "not-applicable", "voiceOfChild", "Seen alone; wishes recorded", "overallGrade", grade));
    return answers;
  }

  List<String> headingKeys(long taskId, String user) throws Exception {
    List<String> keys = new ArrayList<>();
    for (JsonNode c : task(taskId, user).get("form").get("components")) {
      if (c.path("key").asText().startsWith("heading_")) {
        keys.add(c.get("key").asText());
      }
    }
    assertThat(keys).isNotEmpty();
    return keys;
  }

  static Map<String, Object> launchBody(String title, LocalDate deadline, List<Map<String, Object>> children) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("theme", "neglect");
    body.put("title", title);
    body.put("quarter", "2026-27 Q3");
    body.put("lookBackFrom", LocalDate.now().minusYears(1).toString());
    body.put("lookBackTo", LocalDate.now().toString());
    body.put("deadline", deadline.toString());
    body.put("children", children);
    return body;
  }

  static Map<String, Object> child(String caseReference, String... agencies) {
    Map<String, Object> child = new LinkedHashMap<>();
    child.put("caseReference", caseReference);
    child.put("age", 7);
    child.put("sex", "Female");
    child.put("planType", "Child in need");
    child.put("agencies", List.of(agencies));
    return child;
  }
}
