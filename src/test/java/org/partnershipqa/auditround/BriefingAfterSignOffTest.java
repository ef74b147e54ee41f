package org.partnershipqa.auditround;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.partnershipqa.auditround.RoundTestApi.child;
import static org.partnershipqa.auditround.RoundTestApi.launchBody;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.LocalDate;
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
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue 9, defect 1: a QA lead's briefing page opened before sign-off must not change the published briefing
 * when it is saved after the round closed, and a crafted save with an empty panel saves nothing.
 */
class BriefingAfterSignOffTest extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired UserDetailsService users;
  @Autowired AuditRounds rounds;

  @Test
  void aSaveFromAPageOpenedBeforeTheRoundClosedOnlyMakesANewDraft() throws Exception {
    RoundTestApi api = new RoundTestApi(mvc, json);
    long id = api.launch(launchBody("Briefing after sign-off", LocalDate.now().plusDays(14),
        List.of(child("BS-1", "csc")))).get("id").asLong();
    rounds.draftBriefing(id);
    String page = "/briefings/audit-round/" + id;

    // the QA lead opens the briefing; meanwhile the PQA sub-group approves and the round closes
    Map<String, String> stale = form(pageAs("qa.lead", page));
    rounds.recordSignOff(id, "approve", "Ready to share", "pqa.member", "job-approve");
    rounds.recordSignOff(id, "approve", "Ready to share", "pqa.member", "job-approve"); // the job handed out again
    rounds.close(id);
    JsonNode published = api.call(get("/api/audit-rounds/" + id + "/briefing"), "qa.lead", 200);
    assertThat(published.get("published").asBoolean()).isTrue();
    assertThat(published.get("version").asInt()).isEqualTo(1);
    assertThat(published.has("draftVersion")).isFalse();

    // crafted saves: an empty panel, and no panels at all: refused, nothing saved
    Map<String, String> empty = new LinkedHashMap<>(stale);
    empty.put("text4", "");
    assertThat(postAs("qa.lead", page, empty).getStatus()).isEqualTo(400);
    assertThat(postAs("qa.lead", page, Map.of()).getStatus()).isEqualTo(400);
    assertThat(api.call(get("/api/audit-rounds/" + id + "/briefing"), "qa.lead", 200)).isEqualTo(published);

    // the stale page's save: a new draft beside the published version, which stays as it was
    Map<String, String> changed = new LinkedHashMap<>(stale);
    changed.replaceAll((field, text) -> text.isBlank() ? "Written by the QA lead" : text); // nothing moderated here
    changed.put("text1", "Changed after sign-off");
    MockHttpServletResponse saved = postAs("qa.lead", page, changed);
    assertThat(saved.getStatus()).isEqualTo(302);
    JsonNode after = api.call(get("/api/audit-rounds/" + id + "/briefing"), "pqa.member", 200);
    assertThat(after.get("published").asBoolean()).isTrue();
    assertThat(after.get("version").asInt()).isEqualTo(1);
    assertThat(after.get("panels")).isEqualTo(published.get("panels"));
    assertThat(after.get("draftVersion").asInt()).isEqualTo(2);

    Document qaLead = pageAs("qa.lead", page);
    assertThat(qaLead.select("#pending-change").text()).contains("Draft changes not signed off yet");
    assertThat(qaLead.select(".app-briefing #panel-1 ~ p").text()).isEqualTo(published.get("panels").get(0).get("text").asText());
    Document pqa = pageAs("pqa.member", page);
    assertThat(pqa.select("main textarea")).isEmpty();
    assertThat(pqa.select(".app-briefing #panel-1 ~ p").text()).doesNotContain("Changed after sign-off");

    JsonNode round = api.round(id);
    assertThat(round.get("state").asText()).isEqualTo("CLOSED");
    assertThat(round.get("signOffHistory")).hasSize(1);
    JsonNode decision = round.get("signOffHistory").get(0);
    assertThat(decision.get("key").asText()).isEqualTo("job-approve");
    assertThat(decision.get("decision").asText()).isEqualTo("approve");
    assertThat(decision.get("comments").asText()).isEqualTo("Ready to share");
    assertThat(decision.get("by").asText()).isEqualTo("pqa.member");
    assertThat(decision.get("at").asText()).isNotBlank();

    // the change goes to the PQA sub-group again (bpmn/briefing-sign-off.bpmn, started on its own) and, once
    // approved, is the published briefing; the round stays closed
    assertThat(postAs("qa.lead", page + "/sign-off-request", Map.of()).getStatus()).isEqualTo(302);
    long review = await().atMost(Duration.ofSeconds(60))
        .until(() -> api.openTasks("qa.lead", id, "reviewFindings"), l -> l.size() == 1).getFirst().get("id").asLong();
    api.submit(review, "qa.lead", Map.of("readyForSignOff", true));
    long signOff = await().atMost(Duration.ofSeconds(60))
        .until(() -> api.openTasks("pqa.member", id, "signOff"), l -> l.size() == 1).getFirst().get("id").asLong();
    api.submit(signOff, "pqa.member", Map.of("signOffDecision", "approve", "signOffComments", "Agreed change"));
    JsonNode republished = await().atMost(Duration.ofSeconds(60)).until(
        () -> api.call(get("/api/audit-rounds/" + id + "/briefing"), "qa.lead", 200), b -> b.get("version").asInt() == 2);
    assertThat(republished.get("published").asBoolean()).isTrue();
    assertThat(republished.has("draftVersion")).isFalse();
    assertThat(republished.get("panels").get(0).get("text").asText()).isEqualTo("Changed after sign-off");
    JsonNode afterRevision = api.round(id);
    assertThat(afterRevision.get("state").asText()).isEqualTo("CLOSED");
    assertThat(afterRevision.get("signOffHistory")).hasSize(2);

    // the round page's old briefing address leads to the briefing
    assertThat(mvc.perform(get("/audit-rounds/" + id + "/briefing").with(SignIn.as(users, "qa.lead"))).andReturn()
        .getResponse().getRedirectedUrl()).isEqualTo(page);
    MockHttpServletResponse oldForm = postAs("qa.lead", "/audit-rounds/" + id + "/briefing", changed);
    assertThat(oldForm.getStatus()).isEqualTo(307); // the browser posts the same form to the briefing
    assertThat(oldForm.getHeader("Location")).isEqualTo(page);
    assertThat(pageAs("qa.lead", "/audit-rounds/" + id).select("a[href=" + page + "]").text()).isEqualTo("7-minute briefing");
  }

  private static Map<String, String> form(Document page) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("basedOn", page.select("input[name=basedOn]").val());
    for (Element textarea : page.select("textarea")) {
      form.put(textarea.attr("name"), textarea.text());
    }
    assertThat(form).hasSize(8);
    return form;
  }

  private Document pageAs(String user, String path) throws Exception {
    MockHttpServletResponse response = mvc.perform(get(path).with(SignIn.as(users, user))).andReturn().getResponse();
    assertThat(response.getStatus()).as("GET %s", path).isEqualTo(200);
    return Jsoup.parse(response.getContentAsString());
  }

  private MockHttpServletResponse postAs(String user, String path, Map<String, String> params) throws Exception {
    MockHttpServletRequestBuilder request = post(path).with(SignIn.as(users, user)).with(csrf());
    params.forEach(request::param);
    return mvc.perform(request).andReturn().getResponse();
  }
}
