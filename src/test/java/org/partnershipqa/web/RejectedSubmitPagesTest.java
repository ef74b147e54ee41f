package org.partnershipqa.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.partnershipqa.support.IntegrationTest;
import org.partnershipqa.support.SignIn;
import org.partnershipqa.tasks.TaskInbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * After a rejected submit, on every form page, a screen-reader user is told: the page title starts with "Error: "
 * and the error summary takes the focus (GOV.UK Frontend's script, which every page loads, or autofocus without
 * it). The same pages before a submit have neither.
 */
class RejectedSubmitPagesTest extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired CamundaClient client;
  @Autowired UserDetailsService users;
  @Autowired TaskInbox inbox;

  @Test
  void everyFormPageSaysErrorAndFocusesTheSummaryAfterARejectedSubmit() throws Exception {
    long task = startPoliceTask();
    record Form(String name, String user, MockHttpServletRequestBuilder shown, MockHttpServletRequestBuilder rejected) {}
    List<Form> forms = List.of(
        new Form("task", "auditor.police", get("/tasks/" + task), post("/tasks/" + task).param("action", "submit")),
        new Form("concern", "auditor.police", get("/tasks/" + task + "/concern"), post("/tasks/" + task + "/concern")),
        new Form("theme", "qa.lead", get("/themes/neglect"), post("/themes/neglect").param("headings", "Bad Key | Title")),
        new Form("person", "admin", get("/admin/users/new"), post("/admin/users/new")),
        new Form("agency", "admin", get("/admin/agencies/new"), post("/admin/agencies/new").param("code", "Not A Code")));
    for (Form form : forms) {
      Document shown = page(form.shown(), form.user());
      assertThat(shown.title()).as("%s before a submit", form.name()).doesNotStartWith("Error");
      assertThat(shown.select(".govuk-error-summary")).isEmpty();

      Document rejected = page(form.rejected(), form.user());
      String where = form.name() + " form";
      assertThat(rejected.title()).as(where).startsWith("Error: ").endsWith(" – Partnership QA");
      Element summary = rejected.selectFirst(".govuk-error-summary");
      assertThat(summary).as(where).isNotNull();
      assertThat(summary.attr("data-module")).as(where).isEqualTo("govuk-error-summary");
      assertThat(summary.attr("tabindex")).as(where).isEqualTo("-1");
      assertThat(summary.hasAttr("autofocus")).as(where).isTrue();
      assertThat(rejected.select("[autofocus]")).as("one element takes the focus on %s", where).hasSize(1);
      for (Element link : summary.select(".govuk-error-summary__list a")) {
        assertThat(rejected.getElementById(link.attr("href").substring(1))).as("%s on %s", link.attr("href"), where)
            .isNotNull();
      }
    }
    assertThat(page(get("/login").param("error", ""), null).title()).isEqualTo("Error: Sign in – Partnership QA");

    // the theme form's summary follows its page order: title, terms of reference, why, headings, lead time
    Document theme = page(post("/themes/neglect").param("headings", "Bad Key | Title").param("reminderDays", "x"),
        "qa.lead");
    assertThat(theme.select(".govuk-error-summary__list a").eachAttr("href"))
        .containsExactly("#title", "#termsOfReference", "#why", "#headings", "#reminderDays");
  }

  @Test
  void everyPageLoadsGovukFrontendSoItsComponentsWork() throws Exception {
    Document page = page(get("/login"), null);
    // GOV.UK Frontend's body classes are set by a served file, not an inline script (the Content-Security-Policy)
    assertThat(page.select("body > script").first().attr("src")).isEqualTo("/js/govuk-frontend-supported.js");
    assertThat(mvc.perform(get("/js/govuk-frontend-supported.js")).andReturn().getResponse().getContentAsString())
        .contains("js-enabled").contains("govuk-frontend-supported");
    assertThat(page.select("script[type=module]").attr("src")).isEqualTo("/js/app.js");
    String app = mvc.perform(get("/js/app.js")).andReturn().getResponse().getContentAsString();
    assertThat(app).contains("initAll()").contains("../webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js");
    var frontend = mvc.perform(get("/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js")).andReturn().getResponse();
    assertThat(frontend.getStatus()).isEqualTo(200);
    assertThat(frontend.getContentAsString()).contains("initAll");
  }

  private Document page(MockHttpServletRequestBuilder request, String user) throws Exception {
    if (user != null) {
      request = request.with(SignIn.as(users, user));
    }
    var response = mvc.perform(request.with(csrf())).andReturn().getResponse();
    assertThat(response.getStatus()).as(response.getContentAsString()).isLessThan(500);
    return Jsoup.parse(response.getContentAsString());
  }

  private long startPoliceTask() {
    long instance = client.newCreateInstanceCommand().bpmnProcessId("two-agency-check").latestVersion()
        .variables(Map.of("caseReference", "C-7001")).send().join().getProcessInstanceKey();
    return await().atMost(Duration.ofSeconds(30)).until(() -> inbox.findForProcessInstance(instance), id -> id != null);
  }
}
