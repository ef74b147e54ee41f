package org.partnershipqa.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.partnershipqa.support.HeadlessChromium;
import org.partnershipqa.support.IntegrationTest;
import org.partnershipqa.support.SignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page works in a real browser under the Content-Security-Policy: headless Chromium signs in through the form
 * and opens each page a QA lead and an administrator may see; the browser reports no refused script, style, font or
 * image, GOV.UK Frontend's set-up runs from its served files (every component is initialised) and a rejected form
 * focuses its error summary. Skipped where Chromium and chromedriver are not installed (CI installs them).
 */
class PagesUnderContentSecurityPolicyTest extends IntegrationTest {

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  @Test
  void everyPageWorksInTheBrowserUnderThePolicy() throws Exception {
    assumeTrue(HeadlessChromium.available(), "needs /usr/bin/chromium and /usr/bin/chromedriver");
    List<String> problems = new ArrayList<>();
    int pages = 0;
    try (HeadlessChromium browser = new HeadlessChromium()) {
      browser.open(url("/login"));
      problems.addAll(check(browser, "/login (signed out)"));
      signIn(browser, "no.such.person", "not-the-password");
      assertThat(browser.url()).endsWith("/login?error");
      problems.addAll(check(browser, "/login?error"));
      problems.addAll(errorSummaryFocused(browser, "/login?error"));

      for (String user : List.of("qa.lead", "admin")) {
        browser.deleteCookies();
        browser.open(url("/login"));
        signIn(browser, user, "demo");
        assertThat(browser.url()).as(user + " signed in").doesNotContain("/login");
        for (String page : pagesFor(user)) {
          browser.open(url(page));
          problems.addAll(check(browser, page + " (" + user + ")"));
          pages++;
        }
      }

      // a rejected form: GOV.UK Frontend focuses the error summary
      browser.open(url("/account/tokens"));
      browser.script("document.getElementById('name').value = '';"
          + " document.querySelector('form[action$=\"/account/tokens\"]').submit();");
      await().atMost(Duration.ofSeconds(10)).until(() -> browser.script("return document.title").asText()
          .startsWith("Error: "));
      problems.addAll(check(browser, "/account/tokens rejected"));
      problems.addAll(errorSummaryFocused(browser, "/account/tokens rejected"));
    }
    assertThat(pages).isGreaterThan(15);
    assertThat(problems).isEmpty();
  }

  /** What the browser refused or failed on this page, and GOV.UK Frontend components left uninitialised. */
  private static List<String> check(HeadlessChromium browser, String page) throws Exception {
    await().atMost(Duration.ofSeconds(10)).until(() -> browser.script("return document.fonts.status").asText()
        .equals("loaded"));
    List<String> problems = new ArrayList<>();
    for (String message : browser.console()) {
      if (message.startsWith("SEVERE") || message.contains("Content Security Policy")) {
        problems.add(page + ": " + message);
      }
    }
    String body = browser.script("return document.body.className").asText();
    if (!body.contains("govuk-frontend-supported")) {
      problems.add(page + ": body is not marked govuk-frontend-supported (" + body + ")");
    }
    browser.script("return [...document.querySelectorAll('[data-module]')]"
        + ".filter(e => !e.hasAttribute('data-' + e.dataset.module + '-init')).map(e => e.dataset.module)")
        .forEach(module -> problems.add(page + ": " + module.asText() + " not initialised"));
    return problems;
  }

  private static List<String> errorSummaryFocused(HeadlessChromium browser, String page) throws Exception {
    String focused = browser.script("return document.activeElement.className").asText();
    return focused.contains("govuk-error-summary") ? List.of()
        : List.of(page + ": the error summary does not have the focus (" + focused + ")");
  }

  private static void signIn(HeadlessChromium browser, String username, String password) throws Exception {
    browser.script("document.getElementById('username').value = arguments[0];"
        + " document.getElementById('password').value = arguments[1];"
        + " document.querySelector('form[action$=\"/login\"]').submit();", username, password);
    await().atMost(Duration.ofSeconds(20)).until(() -> !browser.url().endsWith("/login")
        && browser.script("return document.readyState").asText().equals("complete"));
  }

  /** The pages without a path variable that the person may open (answered 200 to them). */
  private List<String> pagesFor(String username) throws Exception {
    TreeSet<String> pages = new TreeSet<>();
    mappings.getHandlerMethods().forEach((info, method) -> {
      boolean get = info.getMethodsCondition().getMethods().isEmpty()
          || info.getMethodsCondition().getMethods().contains(RequestMethod.GET);
      if (get) {
        info.getPatternValues().stream()
            .filter(p -> !p.contains("{") && !p.startsWith("/api") && !p.startsWith("/error") && !p.equals("/login"))
            .forEach(pages::add);
      }
    });
    List<String> mine = new ArrayList<>();
    for (String page : pages) {
      int status = mvc.perform(get(page).with(SignIn.as(users, username)).accept("text/html")).andReturn()
          .getResponse().getStatus();
      if (status == 200) {
        mine.add(page);
      }
    }
    return mine;
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
