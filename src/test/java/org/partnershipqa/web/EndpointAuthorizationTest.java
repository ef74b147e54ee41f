package org.partnershipqa.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.partnershipqa.action.Actions;
import org.partnershipqa.support.IntegrationTest;
import org.partnershipqa.support.SignIn;
import org.partnershipqa.tasks.TaskInbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Enumerates every endpoint of the application and proves the server enforces who may call it: nobody
 * without signing in; administration only for administrators; and no agency auditor can read or change a
 * task routed to another agency, or an action another agency leads, whatever its id.
 */
class EndpointAuthorizationTest extends IntegrationTest {

  /** Areas only some roles may enter; an agency auditor is refused in all of them. */
  private static final List<String> ROLE_AREAS = List.of("/admin/", "/api/admin/", "/audit-rounds",
      "/api/audit-rounds", "/outbox", "/concerns", "/themes", "/briefings/");

  /** Endpoints anyone may call. */
  private static final Set<String> PUBLIC = Set.of("/login", "/error");

  @Autowired MockMvc mvc;
  @Autowired CamundaClient client;
  @Autowired UserDetailsService users;
  @Autowired TaskInbox inbox;
  @Autowired Actions actions;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  record Endpoint(HttpMethod method, String pattern) {}

  @Test
  void everyEndpointIsProtectedAndTasksStayWithinTheirAgency() throws Exception {
    long policeTask = startPoliceTask();
    long policeAction = actions.propose(new Actions.Proposal("themed-audit-round", "endpoint-check", "1", "Endpoint check",
        "C-4001", null, "Police action the other agencies must not reach", "police", null, null, "qa.lead")).id();
    actions.track("endpoint-check", "1", "qa.lead");
    List<Endpoint> endpoints = endpoints();
    assertThat(endpoints).hasSizeGreaterThan(10);

    int checked = 0;
    for (Endpoint e : endpoints) {
      if (PUBLIC.contains(e.pattern())) {
        continue;
      }
      String id = String.valueOf(e.pattern().contains("actions/") ? policeAction : policeTask);
      String url = e.pattern().replace("{id}", id).replace("{caseReference}", "C-4001").replace("{childId}", "1")
          .replace("{code}", "neglect").replace("{subjectType}", "audit-round").replace("{subjectId}", "1")
          .replace("{number}", "1");
      // nobody signed in: API answers 401, pages send to the sign-in page
      int anonymous = call(e.method(), url, null).getResponse().getStatus();
      if (url.startsWith("/api/")) {
        assertThat(anonymous).as("anonymous %s %s", e.method(), url).isEqualTo(401);
      } else {
        MvcResult r = call(e.method(), url, null);
        assertThat(r.getResponse().getStatus()).as("anonymous %s %s", e.method(), url).isEqualTo(302);
        assertThat(r.getResponse().getRedirectedUrl()).endsWith("/login");
      }
      // an auditor of another agency: administration forbidden, the police task invisible
      int other = call(e.method(), url, "auditor.csc").getResponse().getStatus();
      if (ROLE_AREAS.stream().anyMatch(url::startsWith) && !url.equals("/api/themes")) {
        assertThat(other).as("auditor on %s %s", e.method(), url).isEqualTo(403);
      } else if (e.pattern().contains("actions/{id}")) {
        assertThat(other).as("other agency on %s %s", e.method(), url).isEqualTo(404);
      } else if (e.pattern().contains("{id}") && e.pattern().contains("tasks")) {
        assertThat(other).as("other agency on %s %s", e.method(), url).isIn(403, 404);
      } else {
        assertThat(other).as("auditor on %s %s", e.method(), url).isLessThan(500);
      }
      checked++;
    }
    assertThat(checked).isGreaterThan(8);

    // the police task is still open and untouched after all of that
    var police = SignIn.as(users, "auditor.police");
    MvcResult r = mvc.perform(request(HttpMethod.GET, "/api/tasks/" + policeTask).with(police)).andReturn();
    assertThat(r.getResponse().getStatus()).isEqualTo(200);
    assertThat(r.getResponse().getContentAsString()).contains("\"state\":\"OPEN\"").contains("\"answers\":{}");
    assertThat(actions.forSubject("endpoint-check", "1").getFirst().status().name()).isEqualTo("NOT_STARTED");

    // the briefing pages are among them (and so refused to agency auditors above)
    assertThat(endpoints).contains(new Endpoint(HttpMethod.GET, "/briefings/{subjectType}/{subjectId}"),
        new Endpoint(HttpMethod.POST, "/briefings/{subjectType}/{subjectId}"),
        new Endpoint(HttpMethod.POST, "/briefings/{subjectType}/{subjectId}/sign-off-request"),
        new Endpoint(HttpMethod.GET, "/briefings/{subjectType}/{subjectId}/versions/{number}"));

    // the incidents page and its retry: administrators only, and the retry needs the CSRF token
    assertThat(endpoints).contains(new Endpoint(HttpMethod.GET, "/admin/incidents"),
        new Endpoint(HttpMethod.POST, "/admin/incidents/{id}/retry"));
    assertThat(call(HttpMethod.GET, "/admin/incidents", "admin").getResponse().getStatus()).isEqualTo(200);
    for (String role : List.of("qa.lead", "pqa.member", "scrutineer")) {
      assertThat(call(HttpMethod.GET, "/admin/incidents", role).getResponse().getStatus()).as(role).isEqualTo(403);
      assertThat(call(HttpMethod.POST, "/admin/incidents/1/retry", role).getResponse().getStatus()).as(role)
          .isEqualTo(403);
    }
    assertThat(mvc.perform(request(HttpMethod.POST, "/admin/incidents/1/retry").with(SignIn.as(users, "admin")))
        .andReturn().getResponse().getStatus()).isEqualTo(403);

    // and a signed-in person's form post without the CSRF token is refused
    assertThat(mvc.perform(request(HttpMethod.POST, "/tasks/" + policeTask).with(police).param("summary", "x"))
        .andReturn().getResponse().getStatus()).isEqualTo(403);
  }

  @Test
  void healthShowsTheStatusToAnyoneAndItsComponentsOnlyToAnAdministrator() throws Exception {
    for (String username : java.util.Arrays.asList(null, "qa.lead", "auditor.police")) {
      for (String path : List.of("/actuator/health", "/actuator/health/readiness")) {
        var health = new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(call(HttpMethod.GET, path, username).getResponse().getContentAsString());
        assertThat(health.path("status").asText()).as("%s as %s", path, username).isNotEmpty();
        assertThat(health.has("components")).as("components of %s as %s", path, username).isFalse();
        assertThat(health.has("details")).as("details of %s as %s", path, username).isFalse();
      }
    }
    var admin = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(call(HttpMethod.GET, "/actuator/health", "admin").getResponse().getContentAsString());
    assertThat(admin.path("components").has("db")).isTrue();
    assertThat(admin.path("components").path("engine").path("details").path("mode").asText()).isNotEmpty();
  }

  private MvcResult call(HttpMethod method, String url, String username) throws Exception {
    MockHttpServletRequestBuilder builder = request(method, url);
    if (method != HttpMethod.GET) {
      builder = builder.with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"summary\":\"forged\"}");
    }
    if (username != null) {
      builder = builder.with(SignIn.as(users, username));
    }
    return mvc.perform(builder).andReturn();
  }

  private List<Endpoint> endpoints() {
    List<Endpoint> list = new ArrayList<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      for (String pattern : info.getPatternValues()) {
        if (methods.isEmpty()) {
          list.add(new Endpoint(HttpMethod.GET, pattern));
        }
        methods.forEach(m -> list.add(new Endpoint(HttpMethod.valueOf(m.name()), pattern)));
      }
    }
    return list;
  }

  private long startPoliceTask() {
    long instance = client.newCreateInstanceCommand().bpmnProcessId("two-agency-check").latestVersion()
        .variables(Map.of("caseReference", "C-4001")).send().join().getProcessInstanceKey();
    return await().atMost(Duration.ofSeconds(30)).until(() -> inbox.findForProcessInstance(instance), id -> id != null);
  }
}
