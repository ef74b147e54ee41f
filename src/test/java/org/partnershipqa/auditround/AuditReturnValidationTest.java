package org.partnershipqa.auditround;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.partnershipqa.auditround.RoundTestApi.child;
import static org.partnershipqa.auditround.RoundTestApi.launchBody;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
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

/**
 * An agency auditor's single-agency audit return is checked against the round's form: missing grades and
 * made-up values are refused by name, through the API and the page alike, and the task stays open; a draft keeps
 * whatever was typed.
 */
class AuditReturnValidationTest extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired UserDetailsService users;

  @Test
  void anIncompleteReturnIsRefusedByFieldAndTheTaskStaysOpenWithItsDraft() throws Exception {
    RoundTestApi api = new RoundTestApi(mvc, json);
    long roundId = api.launch(launchBody("Return validation", LocalDate.now().plusDays(30),
        List.of(child("RV/2026/001", "police", "csc")))).get("id").asLong();
    JsonNode task = await().atMost(Duration.ofSeconds(60)).until(
        () -> api.openTasks("auditor.police", roundId, "provideReturn"), l -> l.size() == 1).getFirst();
    long taskId = task.get("id").asLong();
    assertThat(task.get("candidateGroups")).extracting(JsonNode::asText).containsExactly("police");
    assertThat(task.get("caseReference").asText()).isEqualTo("RV/2026/001");

    // one heading grade left out, and an overall grade that is not one of the options
    List<String> headings = api.headingKeys(taskId, "auditor.police");
    String missingHeading = headings.get(2);
    Map<String, Object> answers = new LinkedHashMap<>(api.auditAnswers(taskId, "auditor.police", "good"));
    answers.remove(missingHeading);
    answers.put("overallGrade", "excellent");
    RoundTestApi.Reply refused = api.postJson("/api/tasks/" + taskId + "/submission", answers, "auditor.police");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    Map<String, String> errors = new LinkedHashMap<>();
    refused.body().get("errors").forEach(e -> errors.put(e.get("field").asText(), e.get("message").asText()));
    assertThat(errors).containsOnlyKeys(missingHeading, "overallGrade");
    assertThat(errors.get(missingHeading)).startsWith("Select ");
    assertThat(errors.get("overallGrade")).isEqualTo("Select a valid option for overall single-agency grade");

    JsonNode stillOpen = api.task(taskId, "auditor.police");
    assertThat(stillOpen.get("task").get("state").asText()).isEqualTo("OPEN");
    assertThat(stillOpen.get("submittedAt").isNull()).isTrue();

    // a draft keeps what was typed, even the invalid value, without submitting anything
    Map<String, Object> draft = Map.of("evidence", "Police national computer and custody records",
        "overallGrade", "excellent", missingHeading, "requires-improvement");
    RoundTestApi.Reply saved = api.postJson("/api/tasks/" + taskId + "/draft", draft, "auditor.police");
    assertThat(saved.status()).isEqualTo(200);
    assertThat(saved.body().get("state").asText()).isEqualTo("OPEN");
    JsonNode withDraft = api.task(taskId, "auditor.police");
    assertThat(withDraft.get("task").get("state").asText()).isEqualTo("OPEN");
    assertThat(withDraft.get("draftSavedAt").isNull()).isFalse();
    assertThat(withDraft.get("answers").get("evidence").asText()).isEqualTo("Police national computer and custody records");
    assertThat(withDraft.get("answers").get(missingHeading).asText()).isEqualTo("requires-improvement");
    assertThat(withDraft.get("submittedBy").isNull()).isTrue();

    // the page: a required answer left out is refused (400) and the page shows the rest of what was typed
    var page = post("/tasks/" + taskId).with(SignIn.as(users, "auditor.police")).with(csrf())
        .param("action", "submit")
        .param("evidence", "Custody record of 3 March & crime report 41/2026")
        .param("disagreementArose", "yes")
        .param("escalationPolicyUsed", "no")
        .param("goodPractice", "Prompt referral to children's social care")
        .param("overallGrade", "requires-improvement");
    for (String heading : headings) {
      page.param(heading, "good");
    }
    MockHttpServletResponse response = mvc.perform(page).andReturn().getResponse(); // voiceOfChild missing
    assertThat(response.getStatus()).isEqualTo(400);
    Document html = Jsoup.parse(response.getContentAsString());
    assertThat(html.select(".govuk-error-summary__list a")).extracting(Element::text)
        .containsExactly("Enter voice of the child: how were the child's wishes and feelings heard");
    assertThat(html.select("#voiceOfChild-error").text()).contains("Enter voice of the child");
    assertThat(html.select("textarea[name=evidence]").text()).isEqualTo("Custody record of 3 March & crime report 41/2026");
    assertThat(html.select("textarea[name=goodPractice]").text()).isEqualTo("Prompt referral to children's social care");
    assertThat(html.select("input[name=disagreementArose][checked]").attr("value")).isEqualTo("yes");
    assertThat(html.select("input[name=escalationPolicyUsed][checked]").attr("value")).isEqualTo("no");
    assertThat(html.select("input[name=overallGrade][checked]").attr("value")).isEqualTo("requires-improvement");
    assertThat(html.select("input[name=" + missingHeading + "][checked]").attr("value")).isEqualTo("good");

    // still open; nothing was submitted by the page either
    JsonNode after = api.task(taskId, "auditor.police");
    assertThat(after.get("task").get("state").asText()).isEqualTo("OPEN");
    assertThat(after.get("submittedBy").isNull()).isTrue();
    assertThat(api.returnOf(roundId, "police").get("state").asText()).isEqualTo("AWAITED");

    // once submitted, any further answers - valid or not - are refused as a conflict (409), not judged (400)
    api.submit(taskId, "auditor.police", api.auditAnswers(taskId, "auditor.police", "good"));
    RoundTestApi.Reply again = api.postJson("/api/tasks/" + taskId + "/submission", answers, "auditor.police");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body().get("detail").asText()).contains("already been submitted");
    MockHttpServletResponse pageAgain = mvc.perform(post("/tasks/" + taskId).with(SignIn.as(users, "auditor.police"))
        .with(csrf()).param("action", "submit").param("overallGrade", "excellent")).andReturn().getResponse();
    assertThat(pageAgain.getStatus()).isEqualTo(409);
  }
}
