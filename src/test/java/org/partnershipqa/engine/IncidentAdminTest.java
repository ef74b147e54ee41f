package org.partnershipqa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.camunda.client.CamundaClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.partnershipqa.accesslog.AccessLog;
import org.partnershipqa.accesslog.AccessLogEntry;
import org.partnershipqa.support.EngineRecords;
import org.partnershipqa.support.IntegrationTest;
import org.partnershipqa.support.OpsTestConfiguration;
import org.partnershipqa.support.SignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.FlashMap;

/**
 * A step whose worker keeps failing: with retries left it counts as failing; out of retries it becomes an
 * incident that the administrators' page shows with its error; a retry the engine refuses leaves it open and says
 * so; once the cause is fixed, Retry gives the job another attempt, the process completes and the incident is gone
 * — and the retry is in the access log.
 */
@Import(OpsTestConfiguration.class)
class IncidentAdminTest extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired CamundaClient client;
  @Autowired EmbeddedEngine engine;
  @Autowired MeterRegistry meters;
  @Autowired UserDetailsService users;
  @Autowired Incidents incidents;
  @Autowired AccessLog accessLog;

  @AfterEach
  void reconnect() {
    OpsTestConfiguration.refusedMethods = Set.of();
    OpsTestConfiguration.partnerSystemUp.set(false);
  }

  @Test
  void aStepFailingOutOfRetriesBecomesAnIncidentThatAnAdministratorRetriesOnceTheCauseIsFixed() throws Exception {
    OpsTestConfiguration.partnerSystemUp.set(false);
    client.newDeployResourceCommand().addResourceFromClasspath("ops/ops-flaky-step.bpmn").send().join();
    assertThat(gauge("partnershipqa.incidents.open")).isZero();
    assertThat(gauge("partnershipqa.jobs.failing")).isZero();
    double failedBefore = failedInvocations();
    long instance = client.newCreateInstanceCommand().bpmnProcessId("ops-flaky-step").latestVersion()
        .variables(Map.of("subjectType", "audit-round", "subjectId", "41", "caseReference", "OPS-41"))
        .send().join().getProcessInstanceKey();

    // the first attempt fails with a retry left (and an hour's back-off): failing, not an incident yet
    await().atMost(Duration.ofSeconds(30)).until(() -> gauge("partnershipqa.jobs.failing") == 1.0);
    assertThat(gauge("partnershipqa.incidents.open")).isZero();
    assertThat(failedInvocations()).isEqualTo(failedBefore + 1); // the Camunda starter's own job metric

    // after the back-off the second attempt fails with no retries left: an incident
    engine.engine().increaseTime(Duration.ofMinutes(61));
    await().atMost(Duration.ofSeconds(30)).until(() -> gauge("partnershipqa.incidents.open") == 1.0);
    assertThat(gauge("partnershipqa.jobs.failing")).isZero();
    assertThat(failedInvocations()).isEqualTo(failedBefore + 2);
    mvc.perform(get("/actuator/metrics/partnershipqa.incidents.open").with(admin()))
        .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath(
            "$.measurements[0].value").value(1.0));

    Incident incident = incidents.open().orElseThrow().getFirst();
    assertThat(incident.processInstanceKey()).isEqualTo(instance);
    assertThat(incident.createdAt()).isNotNull();

    // the administrators' page shows it: process, step, error type and message, keys, what it is about
    Document page = page(null);
    assertThat(page.select("thead th[scope=col]").eachText())
        .containsExactly("First seen", "Process and step", "Error", "About", "Keys", "Action");
    Element row = page.getElementById("incident-" + incident.key());
    assertThat(row).isNotNull();
    assertThat(row.text()).contains("ops-flaky-step", "sendToPartner", "No retries left", "JOB_NO_RETRIES",
        OpsTestConfiguration.FAILURE, "Audit round 41", "Case OPS-41", String.valueOf(instance),
        String.valueOf(incident.jobKey()));
    // the worker's failure message first; its stack trace behind "Full message"
    assertThat(row.selectFirst(".app-incident-message").text()).endsWith(OpsTestConfiguration.FAILURE);
    assertThat(row.select("details .govuk-details__summary-text").eachText()).containsExactly("Full message");
    Element form = row.selectFirst("form[method=post]");
    assertThat(form.attr("action")).isEqualTo("/admin/incidents/" + incident.key() + "/retry");
    assertThat(form.select("input[name=_csrf]")).hasSize(1);
    assertThat(form.selectFirst("button").text()).isEqualTo("Retry incident " + incident.key());

    // the engine refuses: the administrator is told, the incident stays
    OpsTestConfiguration.refusedMethods = Set.of("/UpdateJobRetries");
    Document refused = page(retry(incident.key()));
    assertThat(refused.selectFirst(".govuk-error-summary").text())
        .contains("did not accept the retry of incident " + incident.key(), "refused by the test's engine link");
    assertThat(refused.getElementById("incident-" + incident.key())).isNotNull();
    assertThat(gauge("partnershipqa.incidents.open")).isEqualTo(1.0);
    OpsTestConfiguration.refusedMethods = Set.of();

    // the cause is fixed; Retry: the job runs again, the process completes, the incident is gone
    OpsTestConfiguration.partnerSystemUp.set(true);
    FlashMap flash = retry(incident.key());
    Document retried = page(flash);
    assertThat(retried.selectFirst(".govuk-notification-banner--success").text())
        .contains("Incident " + incident.key() + " retried", "job " + incident.jobKey() + " has a retry again");
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        EngineRecords.assertProcessInstance(engine, instance).isCompleted());
    await().atMost(Duration.ofSeconds(30)).until(() -> gauge("partnershipqa.incidents.open") == 0.0);
    assertThat(gauge("partnershipqa.jobs.failing")).isZero();
    assertThat(page(null).getElementById("no-incidents").text()).isEqualTo("There are no open incidents.");

    // who retried what, and when, is in the access log
    List<AccessLogEntry> logged = accessLog.recent("OPS-41", 0).getContent();
    assertThat(logged).hasSize(1);
    assertThat(logged.getFirst().getUsername()).isEqualTo("admin");
    assertThat(logged.getFirst().getAction()).isEqualTo("CHANGE");
    assertThat(logged.getFirst().getRecordType()).isEqualTo("incident");
    assertThat(logged.getFirst().getRecordId()).isEqualTo(String.valueOf(incident.key()));
    assertThat(logged.getFirst().getDetail()).contains("job " + incident.jobKey(), "process instance " + instance);

    // a retry of an incident that is no longer open changes nothing and says so
    assertThat(page(retry(incident.key())).selectFirst(".govuk-error-summary").text())
        .contains("Incident " + incident.key() + " is not open");
    assertThat(accessLog.recent("OPS-41", 0).getContent()).hasSize(1);
  }

  private FlashMap retry(long incidentKey) throws Exception {
    MvcResult result = mvc.perform(post("/admin/incidents/" + incidentKey + "/retry").with(admin()).with(csrf()))
        .andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(302);
    assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/incidents");
    return result.getFlashMap();
  }

  private Document page(FlashMap flash) throws Exception {
    var request = get("/admin/incidents").with(admin());
    if (flash != null) {
      request = request.flashAttrs(flash);
    }
    MvcResult result = mvc.perform(request).andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    return Jsoup.parse(result.getResponse().getContentAsString());
  }

  private RequestPostProcessor admin() {
    return SignIn.as(users, "admin");
  }

  private double gauge(String name) {
    return meters.get(name).gauge().value();
  }

  private double failedInvocations() {
    Counter counter = meters.find("camunda.job.invocations").tags("action", "failed", "type",
        OpsTestConfiguration.FLAKY_STEP).counter();
    return counter == null ? 0 : counter.count();
  }
}
