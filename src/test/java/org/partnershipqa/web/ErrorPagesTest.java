package org.partnershipqa.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.partnershipqa.support.Browser;
import org.partnershipqa.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What no controller answers (an unknown address, a refused parameter, access denied, an error outside the
 * controllers) reaches a browser as a GOV.UK error page and an API client as problem details, never as Spring's
 * raw JSON. Over real HTTP, so the servlet container's error handling takes part.
 */
class ErrorPagesTest extends IntegrationTest {

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void aBrowserGetsAGovukErrorPageWithATitleTheLanguageAndAWayBack() throws Exception {
    Browser qaLead = new Browser(port).signIn("qa.lead");
    errorPage(qaLead.get("/no-such-page"), 404, "Page not found");
    errorPage(qaLead.get("/audit-rounds/not-a-number"), 400, "Sorry, there is a problem with that request");
    errorPage(qaLead.get("/audit-rounds/987654"), 404, "Page not found");
    errorPage(new Browser(port).signIn("auditor.police").get("/audit-rounds"), 403,
        "You do not have access to this page");
    Document anonymous = errorPage(new Browser(port).get("/error"), 500, "Sorry, there is a problem with the service");
    assertThat(anonymous.select("main a[href=/login]")).hasSize(1);
  }

  @Test
  void anApiClientGetsProblemDetails() throws Exception {
    problem(api("/api/no-such-thing"), 404);
    problem(api("/api/audit-rounds/not-a-number"), 400);
    // a browser session's script asking for JSON outside /api gets problem details too
    Browser qaLead = new Browser(port).signIn("qa.lead");
    problem(qaLead.send(HttpRequest.newBuilder(qaLead.uri("/no-such-page")), "application/json"), 404);
    problem(new Browser(port).signIn("auditor.police")
        .send(HttpRequest.newBuilder(qaLead.uri("/audit-rounds")), "application/json"), 403);
  }

  @Test
  void theErrorPathAnswersAServerErrorByTheClientsKind() throws Exception {
    MockHttpServletResponse page = mvc.perform(get("/error").accept(MediaType.TEXT_HTML)
        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500).requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/tasks"))
        .andReturn().getResponse();
    assertThat(page.getStatus()).isEqualTo(500);
    assertThat(page.getContentType()).startsWith("text/html");
    assertThat(Jsoup.parse(page.getContentAsString()).select("h1").text())
        .isEqualTo("Sorry, there is a problem with the service");

    MockHttpServletResponse problem = mvc.perform(get("/error").accept(MediaType.APPLICATION_JSON)
        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500).requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/tasks"))
        .andReturn().getResponse();
    assertThat(problem.getStatus()).isEqualTo(500);
    assertThat(MediaType.parseMediaType(problem.getContentType()).isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    assertThat(json.readTree(problem.getContentAsString()).get("status").asInt()).isEqualTo(500);
  }

  private Document errorPage(HttpResponse<String> response, int status, String heading) {
    assertThat(response.statusCode()).as("status of %s", response.uri()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).as("type of %s", response.uri())
        .startsWith("text/html");
    Document page = Jsoup.parse(response.body());
    assertThat(page.select("html").attr("lang")).isEqualTo("en");
    assertThat(page.title()).isEqualTo(heading + " – Partnership QA");
    assertThat(page.select("h1").text()).isEqualTo(heading);
    assertThat(page.select("main a.govuk-link")).as("a way back").isNotEmpty();
    assertThat(response.body()).doesNotContain("\"status\"").doesNotContain("\"timestamp\"");
    return page;
  }

  private HttpResponse<String> api(String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(new Browser(port).uri(path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("qa.lead:demo".getBytes(StandardCharsets.UTF_8)))
        .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
  }

  private void problem(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as("status of %s", response.uri()).isEqualTo(status);
    assertThat(MediaType.parseMediaType(response.headers().firstValue("Content-Type").orElseThrow())
        .isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).as("type of %s", response.uri()).isTrue();
    JsonNode body = json.readTree(response.body());
    assertThat(body.get("status").asInt()).isEqualTo(status);
    assertThat(body.get("title").asText()).isNotBlank();
  }
}
