package org.partnershipqa.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.partnershipqa.support.EngineRecords.assertProcessInstance;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.partnershipqa.accesslog.AccessAction;
import org.partnershipqa.accesslog.AccessLog;
import org.partnershipqa.engine.EmbeddedEngine;
import org.partnershipqa.support.IntegrationTest;
import org.partnershipqa.support.SignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A process with two user tasks routed to two agencies runs to its end through the app: each agency's auditor
 * completes their own task (one through the pages, one through the API); the other agency's auditor cannot
 * see or complete it.
 */
class TwoAgencyTaskFlowTest extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired CamundaClient client;
  @Autowired EmbeddedEngine engine;
  @Autowired TaskRepository tasks;
  @Autowired UserDetailsService users;
  @Autowired AccessLog accessLog;

  @Test
  void eachAgencyCompletesItsOwnTaskAndTheProcessFinishes() throws Exception {
    long instance = client.newCreateInstanceCommand().bpmnProcessId("two-agency-check").latestVersion()
        .variables(Map.of("subjectType", "check", "subjectId", "1", "caseReference", "C-2001"))
        .send().join().getProcessInstanceKey();

    Task police = awaitTask(instance, "policeCheck");
    assertThat(police.getCandidateGroups()).containsExactly("police");
    assertThat(police.getName()).isEqualTo("Police check");
    assertThat(police.getCaseReference()).isEqualTo("C-2001");

    // the police auditor sees it; children's social care does not, even by id
    mvc.perform(get("/tasks").with(SignIn.as(users, "auditor.police")))
        .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("Police check")));
    mvc.perform(get("/tasks/" + police.getId()).with(SignIn.as(users, "auditor.csc"))).andExpect(status().isNotFound());
    mvc.perform(post("/tasks/" + police.getId()).with(SignIn.as(users, "auditor.csc")).with(csrf())
        .param("summary", "forged").param("grade", "good")).andExpect(status().isNotFound());
    mvc.perform(post("/api/tasks/" + police.getId() + "/submission").with(httpBasic("auditor.csc", "demo"))
        .contentType(MediaType.APPLICATION_JSON).content("{\"summary\":\"forged\",\"grade\":\"good\"}"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    assertThat(tasks.findById(police.getId()).orElseThrow().getState()).isEqualTo(TaskState.OPEN);

    // the police auditor submits through the page
    mvc.perform(get("/tasks/" + police.getId()).with(SignIn.as(users, "auditor.police"))).andExpect(status().isOk());
    mvc.perform(post("/tasks/" + police.getId()).with(SignIn.as(users, "auditor.police")).with(csrf())
            .param("action", "submit").param("summary", "Two contacts, both shared with social care")
            .param("grade", "good").param("contacts", "2"))
        .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/tasks/" + police.getId()));
    awaitState(police.getId(), TaskState.COMPLETED);
    assertThat(accessLog.count("task", String.valueOf(police.getId()), AccessAction.SUBMIT)).isEqualTo(1);
    assertThat(accessLog.count("task", String.valueOf(police.getId()), AccessAction.VIEW)).isEqualTo(1); // the submit is not also a view

    // then social care's task appears, and its auditor completes it through the API
    Task csc = awaitTask(instance, "socialCareCheck");
    mvc.perform(get("/api/tasks").with(httpBasic("auditor.csc", "demo")))
        .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.id == " + csc.getId() + ")]").exists());
    mvc.perform(get("/api/tasks/" + csc.getId()).with(httpBasic("auditor.csc", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.task.caseReference").value("C-2001"))
        .andExpect(jsonPath("$.form.id").value("agency-check"));
    mvc.perform(post("/api/tasks/" + csc.getId() + "/submission").with(httpBasic("auditor.csc", "demo"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"summary\":\"Child seen alone\",\"grade\":\"requires-improvement\"}"))
        .andExpect(status().isAccepted()).andExpect(jsonPath("$.state").value("SUBMITTED"));
    awaitState(csc.getId(), TaskState.COMPLETED);

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertProcessInstance(engine, instance).isCompleted()
            .hasPassedElementsInOrder("started", "policeCheck", "socialCareCheck", "finished")
            .hasVariableWithValue("grade", "requires-improvement"));
  }

  private Task awaitTask(long instance, String elementId) {
    return await().atMost(Duration.ofSeconds(30)).until(
        () -> tasks.findByProcessInstanceKeyOrderByIdAsc(instance).stream()
            .filter(t -> t.getElementId().equals(elementId)).findFirst(), java.util.Optional::isPresent).orElseThrow();
  }

  private void awaitState(long taskId, TaskState state) {
    await().atMost(Duration.ofSeconds(30)).until(() -> tasks.findById(taskId).orElseThrow().getState() == state);
  }
}
