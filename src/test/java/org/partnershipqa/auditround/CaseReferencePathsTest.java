package org.partnershipqa.auditround;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.partnershipqa.accesslog.AccessAction;
import org.partnershipqa.accesslog.AccessLog;
import org.partnershipqa.support.IntegrationTest;
import org.partnershipqa.support.SignIn;
import org.partnershipqa.tasks.Task;
import org.partnershipqa.tasks.TaskDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Case references are free text from other systems (the README's own example is WS/2026/101): every page and API
 * path that shows or finds a child works whatever characters its reference has, because addresses carry the child's
 * id (pages of the round, the child, the tasks, the concern) and a reference only ever travels as an encoded query
 * parameter (the access log's filter).
 */
class CaseReferencePathsTest extends IntegrationTest {

  private static final String SLASHED = "WS/2026/101";
  private static final String PUNCTUATED = "ws.2026_7-b/9";

  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;
  @Autowired TaskDirectory tasks;
  @Autowired AccessLog accessLog;
  @Autowired ObjectMapper json;

  @Test
  void childrenWhoseReferencesHaveSlashesAndPunctuationWorkOnEveryPageAndApiPath() throws Exception {
    // launched through the pages: step 1, step 2
    Document confirm = page(send(post("/audit-rounds/new").param("method", "entered").param("children",
        SLASHED + ",4,Female,White British,Child protection,csc;police\n" + PUNCTUATED + ",9,Male,,Child in need,police"),
        "qa.lead", 200));
    assertThat(confirm.select("input[name=child0.caseReference]").val()).isEqualTo(SLASHED);
    MockHttpServletRequestBuilder launch = post("/audit-rounds").param("theme", "neglect").param("title", "Slashes")
        .param("lookBackFrom", LocalDate.now().minusYears(1).toString()).param("lookBackTo", LocalDate.now().toString())
        .param("deadline", LocalDate.now().plusDays(20).toString());
    for (Element input : confirm.select("form[action=/audit-rounds] input:not([name=_csrf])")) {
      if (!input.attr("type").equals("checkbox") || input.hasAttr("checked")) {
        launch = launch.param(input.attr("name"), input.val());
      }
    }
    MockHttpServletResponse launched = mvc.perform(launch.with(SignIn.as(users, "qa.lead")).with(csrf()))
        .andReturn().getResponse();
    assertThat(launched.getStatus()).as(launched.getContentAsString()).isEqualTo(302);
    long roundId = Long.parseLong(launched.getRedirectedUrl().replaceAll(".*/", ""));
    await().atMost(Duration.ofSeconds(60)).until(() -> tasks.forSubject("audit-round", String.valueOf(roundId)).size() == 3);

    // the round's API names each child by id and reference
    JsonNode round = json.readTree(mvc.perform(get("/api/audit-rounds/" + roundId).with(httpBasic("qa.lead", "demo")))
        .andReturn().getResponse().getContentAsString());
    Map<String, Long> ids = new LinkedHashMap<>();
    round.get("children").forEach(c -> ids.put(c.get("caseReference").asText(), c.get("id").asLong()));
    assertThat(ids).containsOnlyKeys(SLASHED, PUNCTUATED);

    // the round page links each child's page by id; the page shows the child, for the QA lead and the PQA member
    Document roundPage = page(send(get("/audit-rounds/" + roundId), "qa.lead", 200));
    for (String reference : List.of(SLASHED, PUNCTUATED)) {
      String href = roundPage.select("a:containsOwn(" + reference + ")").attr("href");
      assertThat(href).isEqualTo("/audit-rounds/" + roundId + "/children/" + ids.get(reference));
      for (String user : List.of("qa.lead", "pqa.member")) {
        Document child = page(send(get(href), user, 200));
        assertThat(child.select("h1").text()).contains(reference);
      }
    }
    // a child of another round is not found under this one
    send(get("/audit-rounds/" + (roundId + 1000) + "/children/" + ids.get(SLASHED)), "qa.lead", 404);

    // the police auditor's task for the child, its API, the concern raised from it, the concerns list
    Task task = tasks.forSubject("audit-round", String.valueOf(roundId)).stream()
        .filter(t -> SLASHED.equals(t.getCaseReference()) && t.getCandidateGroups().contains("police"))
        .findFirst().orElseThrow();
    assertThat(page(send(get("/tasks/" + task.getId()), "auditor.police", 200)).text()).contains(SLASHED);
    assertThat(json.readTree(mvc.perform(get("/api/tasks/" + task.getId()).with(httpBasic("auditor.police", "demo")))
        .andReturn().getResponse().getContentAsString()).at("/task/caseReference").asText()).isEqualTo(SLASHED);
    assertThat(page(send(get("/tasks/" + task.getId() + "/concern"), "auditor.police", 200)).select(".govuk-caption-l")
        .text()).isEqualTo("Case " + SLASHED);
    send(post("/tasks/" + task.getId() + "/concern").param("description", "Bruising seen at the last visit"),
        "auditor.police", 302);
    Document concerns = page(send(get("/concerns"), "qa.lead", 200));
    assertThat(concerns.select("td").eachText()).contains(SLASHED);
    assertThat(concerns.select("tbody tr").text()).contains("by auditor.police, Police");

    // the access log finds the child's views by its reference
    Document log = page(send(get(accessLogFor(SLASHED)), "admin", 200));
    assertThat(log.select("input#caseReference").val()).isEqualTo(SLASHED);
    assertThat(log.select("tbody tr")).isNotEmpty();
    assertThat(log.select("tbody tr").eachText()).allMatch(row -> row.contains(SLASHED));
  }

  @Test
  void referencesWithSpacesHashesOrPercentSignsAreFoundInTheAccessLogAndRefusedAsChildren() throws Exception {
    String odd = "C 1#2%3/4";
    accessLog.record(AccessAction.VIEW, "sampled-child", "0", odd, "a reference from another system");
    Document log = page(send(get(accessLogFor(odd)), "admin", 200));
    assertThat(log.select("input#caseReference").val()).isEqualTo(odd);
    assertThat(log.select("tbody tr").eachText()).singleElement().asString().contains(odd);

    // as children they are refused, at the first step and at the launch (letters, digits and / - _ . only)
    Document refused = page(send(post("/audit-rounds/new").param("method", "entered")
        .param("children", odd + ",4,Female,,Child in need,csc"), "qa.lead", 400));
    assertThat(refused.select("#children-error").text()).contains("Line 1: enter the case reference");
    Document launch = page(send(post("/audit-rounds").param("childCount", "1").param("child0.caseReference", odd)
        .param("child0.agencies", "csc"), "qa.lead", 400));
    assertThat(launch.select(".govuk-error-summary").text()).contains("Child 1: enter the case reference");
  }

  private String send(MockHttpServletRequestBuilder request, String user, int status) throws Exception {
    MockHttpServletResponse response = mvc.perform(request.with(SignIn.as(users, user)).with(csrf())).andReturn()
        .getResponse();
    assertThat(response.getStatus()).as("%s: %s", user, response.getContentAsString()).isEqualTo(status);
    return response.getContentAsString();
  }

  /** The access log filtered by a reference, the address encoded as a browser sends the filter form. */
  private static URI accessLogFor(String caseReference) {
    return URI.create("/admin/access-log?caseReference="
        + URLEncoder.encode(caseReference, StandardCharsets.UTF_8).replace("+", "%20"));
  }

  private static Document page(String html) {
    return Jsoup.parse(html);
  }
}
