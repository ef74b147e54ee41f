package org.partnershipqa.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.partnershipqa.support.IntegrationTest;
import org.partnershipqa.support.SignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A strict Content-Security-Policy on every response (pages, the API, static files, error pages); and the pages
 * load their scripts from files this application serves, GOV.UK Frontend's set-up included.
 */
class ContentSecurityPolicyTest extends IntegrationTest {

  static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self';"
      + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
      + " frame-ancestors 'none'";

  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;

  @Test
  void everyResponseCarriesTheStrictPolicy() throws Exception {
    List<MockHttpServletRequestBuilder> requests = List.of(
        get("/login"),
        get("/tasks").with(SignIn.as(users, "auditor.police")),
        get("/admin/about").with(SignIn.as(users, "admin")),
        get("/account/tokens").with(SignIn.as(users, "qa.lead")),
        get("/api/tasks").with(httpBasic("auditor.police", "demo")),
        get("/api/tasks"), // refused: 401 problem
        get("/css/app.css"),
        get("/js/app.js"),
        get("/js/govuk-frontend-supported.js"),
        get("/no-such-page").with(SignIn.as(users, "auditor.police")));
    for (MockHttpServletRequestBuilder request : requests) {
      MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
      assertThat(response.getHeader("Content-Security-Policy")).as(request.toString()).isEqualTo(POLICY);
    }
    assertThat(POLICY).doesNotContain("unsafe-inline", "unsafe-eval", "*");
  }

  @Test
  void pagesLoadOnlyServedScriptsThatAreThere() throws Exception {
    Document page = Jsoup.parse(mvc.perform(get("/tasks").with(SignIn.as(users, "auditor.police"))).andReturn()
        .getResponse().getContentAsString());
    List<String> scripts = page.select("script").stream().map(s -> s.attr("src")).toList();
    assertThat(scripts).containsExactly("/js/govuk-frontend-supported.js", "/js/app.js");
    assertThat(page.select("script").stream().allMatch(s -> s.data().isBlank())).isTrue();
    assertThat(page.select("[style]")).isEmpty();
    for (String script : scripts) {
      MockHttpServletResponse served = mvc.perform(get(script)).andReturn().getResponse();
      assertThat(served.getStatus()).as(script).isEqualTo(200);
      assertThat(served.getContentType()).as(script).contains("javascript");
    }
  }
}
