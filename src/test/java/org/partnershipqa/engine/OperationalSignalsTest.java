package org.partnershipqa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.partnershipqa.support.IntegrationTest;
import org.partnershipqa.support.OpsTestConfiguration;
import org.partnershipqa.support.SignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The overdue-task and hand-off gauges count what they claim: an open task past its due date counts, one due in
 * the future does not, and a submitted one no longer does; a submission the engine will not take is one pending
 * hand-off (with its age) until the engine takes it. Health shows the queue under {@code handOffs} and stays UP.
 */
@Import(OpsTestConfiguration.class)
class OperationalSignalsTest extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired CamundaClient client;
  @Autowired MeterRegistry meters;
  @Autowired UserDetailsService users;
  private final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void reconnect() {
    OpsTestConfiguration.refusedMethods = Set.of();
  }

  @Test
  void overdueTasksAndPendingHandOffsAreCountedAndAQueueKeepsTheApplicationUp() throws Exception {
    client.newDeployResourceCommand().addResourceFromClasspath("ops/ops-overdue-check.bpmn").send().join();
    double overdueBefore = gauge("partnershipqa.tasks.overdue");
    assertThat(gauge("partnershipqa.handoffs.pending")).isZero();
    assertThat(gauge("partnershipqa.handoffs.oldest.age")).isZero();
    client.newCreateInstanceCommand().bpmnProcessId("ops-overdue-check").latestVersion().send().join();
    Map<String, Long> tasks = await().atMost(Duration.ofSeconds(30))
        .until(this::openTestTasks, found -> found.size() == 2);

    // one task is past its due date (2020), the other is due in 2099
    assertThat(gauge("partnershipqa.tasks.overdue")).isEqualTo(overdueBefore + 1);

    // the engine will not take the answers to the late task: they are stored, the hand-off is pending
    OpsTestConfiguration.refusedMethods = Set.of("/CompleteJob");
    int refusedBefore = OpsTestConfiguration.refused.get();
    mvc.perform(post("/api/tasks/" + tasks.get("lateCheck") + "/submission").with(httpBasic("auditor.police", "demo"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"summary\":\"Seen late\",\"grade\":\"good\"}"))
        .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isAccepted());
    await().atMost(Duration.ofSeconds(30)).until(() -> OpsTestConfiguration.refused.get() > refusedBefore);
    assertThat(gauge("partnershipqa.handoffs.pending")).isEqualTo(1.0);
    assertThat(gauge("partnershipqa.handoffs.oldest.age")).isBetween(0.0, 60.0);
    assertThat(gauge("partnershipqa.tasks.overdue")).isEqualTo(overdueBefore); // submitted: no longer overdue

    JsonNode health = health();
    assertThat(health.at("/status").asText()).isEqualTo("UP");
    assertThat(health.at("/components/handOffs/status").asText()).isEqualTo("UP");
    assertThat(health.at("/components/handOffs/details/pending").asLong()).isEqualTo(1);
    assertThat(health.at("/components/handOffs/details/oldestAgeSeconds").asLong()).isBetween(0L, 60L);
    assertThat(health.at("/components/engine/details/snapshotPosition").isNumber()).isTrue();

    // the engine takes it on a retry: nothing pending any more
    OpsTestConfiguration.refusedMethods = Set.of();
    await().atMost(Duration.ofSeconds(30)).until(() -> gauge("partnershipqa.handoffs.pending") == 0.0);
    assertThat(gauge("partnershipqa.handoffs.oldest.age")).isZero();
    assertThat(health().at("/components/handOffs/details/pending").asLong()).isZero();
  }

  /** The police's open tasks of the test model, by element id. */
  private Map<String, Long> openTestTasks() throws Exception {
    Map<String, Long> found = new HashMap<>();
    String body = mvc.perform(get("/api/tasks").with(httpBasic("auditor.police", "demo"))).andReturn().getResponse()
        .getContentAsString();
    for (JsonNode task : json.readTree(body)) {
      if (task.get("process").asText().equals("ops-overdue-check") && task.get("state").asText().equals("OPEN")) {
        found.put(task.get("element").asText(), task.get("id").asLong());
      }
    }
    return found;
  }

  private JsonNode health() throws Exception {
    return json.readTree(mvc.perform(get("/actuator/health").with(SignIn.as(users, "admin"))).andReturn()
        .getResponse().getContentAsString());
  }

  private double gauge(String name) {
    return meters.get(name).gauge().value();
  }
}
