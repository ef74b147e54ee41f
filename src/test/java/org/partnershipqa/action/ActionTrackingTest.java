package org.partnershipqa.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.partnershipqa.accesslog.AccessAction;
import org.partnershipqa.accesslog.AccessLog;
import org.partnershipqa.support.IntegrationTest;
import org.partnershipqa.support.SignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Actions as people track them, through the pages and the API: the history of every change, who may see and change
 * which action, validation that keeps what was typed, and the access log.
 */
class ActionTrackingTest extends IntegrationTest {

  private static final String SUBJECT_TYPE = "action-test";

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired UserDetailsService users;
  @Autowired Actions actions;
  @Autowired AccessLog accessLog;

  @Test
  void everyStatusChangeIsRecordedWithWhoAndWhen() throws Exception {
    ActionView action = policeAction("history", LocalDate.now().plusMonths(2), true);
    Instant before = Instant.now();

    JsonNode ongoing = api(post("/api/actions/" + action.id()).content(json.writeValueAsString(
        Map.of("status", "ONGOING", "note", "Officer named for two of the five open cases"))), "auditor.police", 200);
    assertThat(ongoing.get("action").get("status").asText()).isEqualTo("ONGOING");

    long version = ongoing.get("action").get("version").asLong();
    MockHttpServletResponse completed = mvc.perform(post("/actions/" + action.id()).with(SignIn.as(users, "qa.lead"))
        .with(csrf()).param("status", "COMPLETED").param("version", String.valueOf(version))
        .param("evidence", "Every open case has a named officer (dip sample of 10 cases, March)")
        .param("note", "Checked at the PQA meeting")).andReturn().getResponse();
    assertThat(completed.getStatus()).isEqualTo(302);
    assertThat(completed.getRedirectedUrl()).isEqualTo("/actions/" + action.id());

    JsonNode detail = api(get("/api/actions/" + action.id()), "qa.lead", 200);
    assertThat(detail.get("action").get("status").asText()).isEqualTo("COMPLETED");
    assertThat(detail.get("action").get("evidence").asText()).startsWith("Every open case has a named officer");
    List<String> history = new ArrayList<>();
    Instant previous = Instant.EPOCH;
    for (JsonNode change : detail.get("history")) {
      history.add(change.get("by").asText() + ": " + change.get("what").asText() + " / " + change.path("note").asText(""));
      Instant at = Instant.parse(change.get("at").asText());
      assertThat(at).isAfterOrEqualTo(previous);
      previous = at;
    }
    assertThat(history).containsExactly(
        "pqa.member: Proposed / ",
        "pqa.member: Status: Proposed → Not started / Tracking started: signed off",
        "auditor.police: Status: Not started → Ongoing / Officer named for two of the five open cases",
        "qa.lead: Status: Ongoing → Completed; Evidence of completion added / Checked at the PQA meeting");
    assertThat(previous).isAfterOrEqualTo(before);

    // the page shows the same history, dates in words
    Document page = page(mvc.perform(get("/actions/" + action.id()).with(SignIn.as(users, "auditor.police")))
        .andReturn().getResponse(), 200);
    assertThat(page.select("#history tbody tr")).hasSize(4);
    String today = LocalDate.now(Actions.LONDON).format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));
    assertThat(page.select("#history tbody tr").last().text()).startsWith(today).contains("qa.lead")
        .contains("Ongoing → Completed").contains("Checked at the PQA meeting");
    assertThat(page.select("#action-status").text()).contains("Completed");

    // the action is about a child: every change and every view is in the access log
    assertThat(accessLog.count("action", String.valueOf(action.id()), AccessAction.CHANGE)).isEqualTo(3);
    assertThat(accessLog.count("action", String.valueOf(action.id()), AccessAction.VIEW)).isGreaterThanOrEqualTo(2);
  }

  @Test
  void anAuditorOfAnotherAgencyCannotSeeOrChangeAnAction() throws Exception {
    ActionView action = policeAction("other-agency", LocalDate.now().plusMonths(1), true);
    var csc = SignIn.as(users, "auditor.csc");

    Document notFound = page(mvc.perform(get("/actions/" + action.id()).with(csc)).andReturn().getResponse(), 404);
    assertThat(notFound.select("h1").text()).isEqualTo("Page not found");
    assertThat(notFound.text()).doesNotContain(action.description());
    page(mvc.perform(post("/actions/" + action.id()).with(csc).with(csrf()).param("status", "COMPLETED")
        .param("evidence", "Forged")).andReturn().getResponse(), 404);
    JsonNode problem = api(get("/api/actions/" + action.id()), "auditor.csc", 404);
    assertThat(problem.get("status").asInt()).isEqualTo(404);
    api(post("/api/actions/" + action.id()).content("{\"status\":\"COMPLETED\",\"evidence\":\"Forged\"}"),
        "auditor.csc", 404);
    assertThat(ids(api(get("/api/actions"), "auditor.csc", 200))).doesNotContain(action.id());
    assertThat(page(mvc.perform(get("/actions").with(csc)).andReturn().getResponse(), 200).text())
        .doesNotContain(action.description());

    // the lead agency's auditors see it; nothing was changed
    assertThat(ids(api(get("/api/actions"), "auditor.police", 200))).contains(action.id());
    assertThat(page(mvc.perform(get("/actions").with(SignIn.as(users, "auditor.police"))).andReturn().getResponse(), 200)
        .select("#actions").text()).contains(action.description());
    JsonNode detail = api(get("/api/actions/" + action.id()), "auditor.police", 200);
    assertThat(detail.get("action").get("status").asText()).isEqualTo("NOT_STARTED");
    assertThat(detail.get("history")).hasSize(2);
    assertThat(detail.get("mayChange").asBoolean()).isTrue();
  }

  @Test
  void aPqaMemberMayViewButNotChangeAnAction() throws Exception {
    ActionView action = policeAction("pqa", LocalDate.now().plusMonths(1), true);
    var pqa = SignIn.as(users, "pqa.member");

    Document page = page(mvc.perform(get("/actions/" + action.id()).with(pqa)).andReturn().getResponse(), 200);
    assertThat(page.select("h1").text()).isEqualTo(action.description());
    assertThat(page.select("form#update")).isEmpty();
    assertThat(mvc.perform(post("/actions/" + action.id()).with(pqa).with(csrf()).param("status", "ONGOING")
        .param("note", "Not mine to change")).andReturn().getResponse().getStatus()).isEqualTo(403);
    api(post("/api/actions/" + action.id()).content("{\"status\":\"ONGOING\"}"), "pqa.member", 403);

    JsonNode detail = api(get("/api/actions/" + action.id()), "pqa.member", 200);
    assertThat(detail.get("action").get("status").asText()).isEqualTo("NOT_STARTED");
    assertThat(detail.get("history")).hasSize(2);
    assertThat(detail.get("mayChange").asBoolean()).isFalse();
  }

  @Test
  void completingWithoutEvidenceIsRefusedWithTheTypedNoteKeptAndNothingChanged() throws Exception {
    ActionView action = policeAction("no-evidence", LocalDate.now().plusMonths(1), true);

    Document refused = page(mvc.perform(post("/actions/" + action.id()).with(SignIn.as(users, "auditor.police"))
        .with(csrf()).param("status", "COMPLETED").param("evidence", "  ")
        .param("note", "Training delivered to all response officers")).andReturn().getResponse(), 400);
    assertThat(refused.title()).startsWith("Error: ");
    assertThat(refused.select(".govuk-error-summary a[href=#evidence]").text())
        .isEqualTo("Enter the evidence that the action is completed");
    assertThat(refused.select("#evidence-error").text()).contains("Enter the evidence");
    assertThat(refused.select("textarea#note").text()).isEqualTo("Training delivered to all response officers");
    assertThat(refused.select("input[name=status][checked]").attr("value")).isEqualTo("COMPLETED");

    JsonNode problem = api(post("/api/actions/" + action.id()).content(
        "{\"status\":\"COMPLETED\",\"note\":\"Done\"}"), "auditor.police", 400);
    assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("evidence");
    JsonNode unknownStatus = api(post("/api/actions/" + action.id()).content("{\"status\":\"FINISHED\"}"),
        "auditor.police", 400);
    assertThat(unknownStatus.get("errors").get(0).get("field").asText()).isEqualTo("status");

    JsonNode detail = api(get("/api/actions/" + action.id()), "auditor.police", 200);
    assertThat(detail.get("action").get("status").asText()).isEqualTo("NOT_STARTED");
    assertThat(detail.get("action").get("evidence").isNull()).isTrue();
    assertThat(detail.get("history")).hasSize(2);
    assertThat(accessLog.count("action", String.valueOf(action.id()), AccessAction.CHANGE)).isEqualTo(1); // track only
  }

  @Test
  void aProposedActionIsTrackedOnlyAfterSignOffAndListsFilterByAgencyAndStatus() throws Exception {
    ActionView proposed = policeAction("proposed", LocalDate.now().plusMonths(3), false);
    assertThat(proposed.status()).isEqualTo(ActionStatus.PROPOSED);
    api(post("/api/actions/" + proposed.id()).content("{\"status\":\"ONGOING\"}"), "auditor.police", 409);

    ActionView late = policeAction("late", LocalDate.now().minusDays(3), true);
    assertThat(ids(api(get("/api/actions?agency=police&status=PROPOSED"), "qa.lead", 200)))
        .contains(proposed.id()).doesNotContain(late.id());
    assertThat(ids(api(get("/api/actions?status=OVERDUE"), "qa.lead", 200))).contains(late.id())
        .doesNotContain(proposed.id());
    assertThat(ids(api(get("/api/actions?agency=csc"), "qa.lead", 200))).doesNotContain(proposed.id(), late.id());
    api(get("/api/actions?status=FINISHED"), "qa.lead", 400);

    Document list = page(mvc.perform(get("/actions").param("agency", "police").param("status", "OVERDUE")
        .with(SignIn.as(users, "qa.lead"))).andReturn().getResponse(), 200);
    assertThat(list.select("#actions caption").text()).startsWith("The partnership's actions");
    var row = list.select("#actions tbody tr").stream().filter(r -> r.text().contains(late.description()))
        .findFirst().orElseThrow();
    String due = late.dueDate().format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));
    assertThat(row.select("td").eachText()).containsExactly(late.description(), "Test round late", "AT/late",
        "Police", "Detective Inspector", due, "Not started Overdue");
    assertThat(list.select("select#status option[selected]").attr("value")).isEqualTo("OVERDUE");
  }

  @Test
  void proposingIsIdempotentAndTheLeadAgencyMustBeAnActiveAgency() {
    ActionView first = policeAction("idempotent", LocalDate.now().plusMonths(1), false);
    ActionView again = policeAction("idempotent", LocalDate.now().plusMonths(1), false);
    assertThat(again.id()).isEqualTo(first.id());
    assertThat(actions.forSubject(SUBJECT_TYPE, "idempotent")).hasSize(1);
    assertThat(actions.track(SUBJECT_TYPE, "idempotent", "pqa.member")).isEqualTo(1);
    assertThat(actions.track(SUBJECT_TYPE, "idempotent", "pqa.member")).isZero();

    assertThatThrownBy(() -> actions.propose(new Actions.Proposal("themed-audit-round", SUBJECT_TYPE, "typo", null,
        null, null, "Agree a protocol", "polise", null, null, "pqa.member")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("polise");
    assertThat(actions.forSubject(SUBJECT_TYPE, "typo")).isEmpty();
  }

  private ActionView policeAction(String subjectId, LocalDate due, boolean tracked) {
    ActionView action = actions.propose(new Actions.Proposal("themed-audit-round", SUBJECT_TYPE, subjectId,
        "Test round " + subjectId, "AT/" + subjectId, "Police investigations took too long",
        "Name an investigating officer for every open case (" + subjectId + ")", "police", "Detective Inspector", due,
        "pqa.member"));
    if (tracked) {
      actions.track(SUBJECT_TYPE, subjectId, "pqa.member");
    }
    return action;
  }

  private JsonNode api(MockHttpServletRequestBuilder request, String user, int expectedStatus) throws Exception {
    MockHttpServletResponse response = mvc.perform(request.with(httpBasic(user, "demo"))
        .contentType(MediaType.APPLICATION_JSON)).andReturn().getResponse();
    String body = response.getContentAsString();
    assertThat(response.getStatus()).as("HTTP status, body %s", body).isEqualTo(expectedStatus);
    return body.isBlank() ? null : json.readTree(body);
  }

  private static List<Long> ids(JsonNode list) {
    List<Long> ids = new ArrayList<>();
    list.forEach(a -> ids.add(a.get("id").asLong()));
    return ids;
  }

  private static Document page(MockHttpServletResponse response, int expectedStatus) throws Exception {
    assertThat(response.getStatus()).as("HTTP status").isEqualTo(expectedStatus);
    return Jsoup.parse(response.getContentAsString());
  }
}
