package org.partnershipqa.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.JobWorker;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.partnershipqa.accesslog.AccessAction;
import org.partnershipqa.accesslog.AccessLog;
import org.partnershipqa.database.DatabaseUnavailable;
import org.partnershipqa.engine.EmbeddedEngine;
import org.partnershipqa.support.EmbeddedDatabaseOutage;
import org.partnershipqa.support.EngineRecords;
import org.partnershipqa.support.IntegrationTest;
import org.partnershipqa.support.SignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The embedded PostgreSQL is stopped under the running application and started again: meanwhile pages and the
 * API say the database is unavailable (503), a form sent is not saved but shown again with what was typed,
 * sign-in says the service is unavailable, and the engine goes on; afterwards the application works again by
 * itself, the user task the engine created meanwhile is in the inbox once, and an automated step that needs the
 * database ran without an incident.
 */
@Import(DatabaseOutageTest.DatabaseStep.class)
@TestPropertySource(properties = {
    "spring.datasource.hikari.connection-timeout=1000",
    "partnershipqa.database.outage-retry-backoff=PT1S"})
@DirtiesContext
class DatabaseOutageTest extends IntegrationTest {

  /** The worker of {@code bpmn/database-step.bpmn} (a test model): an automated step that reads the database. */
  @TestConfiguration
  static class DatabaseStep {
    @Bean
    DatabaseStepWorker databaseStepWorker(JdbcTemplate jdbc) {
      return new DatabaseStepWorker(jdbc);
    }
  }

  public static class DatabaseStepWorker {
    private final JdbcTemplate jdbc;

    DatabaseStepWorker(JdbcTemplate jdbc) {
      this.jdbc = jdbc;
    }

    @JobWorker(type = "test.database-step")
    public void readDatabase() {
      jdbc.queryForObject("select count(*) from task", Long.class);
    }
  }

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String UNAVAILABLE = "The service cannot reach its database right now";

  @Autowired MockMvc mvc;
  @Autowired CamundaClient client;
  @Autowired EmbeddedEngine engine;
  @Autowired TaskRepository tasks;
  @Autowired AccessLog accessLog;
  @Autowired UserDetailsService users;
  @Value("${partnershipqa.data-dir}") String dataDir;

  @Test
  void whileTheDatabaseIsDownNothingIsHalfSavedAndAfterwardsEverythingCarriesOn() throws Exception {
    long first = startCheck("C-5001");
    Task open = awaitTask(first, "policeCheck");
    RequestPostProcessor police = SignIn.as(users, "auditor.police"); // read while the database is up
    RequestPostProcessor admin = SignIn.as(users, "admin"); // health components are for administrators only
    MockHttpSession session = new MockHttpSession();
    mvc.perform(get("/tasks/" + open.getId()).session(session).with(police)).andExpect(status().isOk());

    EmbeddedDatabaseOutage outage = EmbeddedDatabaseOutage.of(Path.of(dataDir, "postgres").toAbsolutePath());
    outage.stop();
    long second;
    long step;
    try {
      // a page: 503, saying so
      mvc.perform(get("/tasks").with(police))
          .andExpect(status().isServiceUnavailable())
          .andExpect(header().string("Retry-After", "60"))
          .andExpect(content().string(org.hamcrest.Matchers.containsString(UNAVAILABLE)));

      // a submission: not saved, the form shown again with what was typed
      String page = mvc.perform(post("/tasks/" + open.getId()).session(session).with(police).with(csrf())
              .param("action", "submit").param("summary", "Typed while the database was down")
              .param("grade", "good").param("contacts", "4"))
          .andExpect(status().isServiceUnavailable())
          .andReturn().getResponse().getContentAsString();
      Document form = Jsoup.parse(page);
      assertThat(form.select(".govuk-error-summary").text()).contains(UNAVAILABLE, "Nothing you sent was saved");
      assertThat(form.select("form[action=/tasks/" + open.getId() + "] [name=summary]").val())
          .isEqualTo("Typed while the database was down");
      assertThat(form.select("[name=grade] option[selected]").val()).isEqualTo("good");
      assertThat(form.select("[name=contacts]").val()).isEqualTo("4");

      // sent from a page this session was not shown (say, a tab kept open over a restart): the 503 page lists it
      Document unavailable = Jsoup.parse(mvc.perform(post("/tasks/" + open.getId()).with(police).with(csrf())
              .param("action", "submit").param("summary", "Sent from an old tab").param("grade", "good"))
          .andExpect(status().isServiceUnavailable())
          .andReturn().getResponse().getContentAsString());
      assertThat(unavailable.select("#database-unavailable").text()).contains(UNAVAILABLE);
      assertThat(unavailable.select("#entered").text()).contains("summary", "Sent from an old tab")
          .doesNotContain("_csrf", "action");

      // the API: a 503 problem, whether it signs in with HTTP Basic or comes with a session
      mvc.perform(get("/api/tasks").with(httpBasic("auditor.police", "demo")))
          .andExpect(status().isServiceUnavailable())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.status").value(503))
          .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(UNAVAILABLE)));
      mvc.perform(post("/api/tasks/" + open.getId() + "/submission").with(police).with(csrf())
              .contentType(MediaType.APPLICATION_JSON).content("{\"summary\":\"Via the API\",\"grade\":\"good\"}"))
          .andExpect(status().isServiceUnavailable())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(UNAVAILABLE)));

      // sign-in: the service is unavailable, not a wrong password
      mvc.perform(formLogin("/login").user("auditor.police").password("demo"))
          .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?unavailable"));
      mvc.perform(get("/login").param("unavailable", ""))
          .andExpect(content().string(org.hamcrest.Matchers.containsString("cannot reach its database")))
          .andExpect(content().string(org.hamcrest.Matchers.not(
              org.hamcrest.Matchers.containsString("Your username or password is not right"))));

      mvc.perform(get("/actuator/health").with(admin))
          .andExpect(status().isServiceUnavailable())
          .andExpect(jsonPath("$.components.db.status").value("DOWN"))
          .andExpect(jsonPath("$.components.engine.status").value("UP"));

      // the engine goes on: a new user task cannot be recorded yet, and an automated step cannot run; their jobs
      // are handed back again and again, retries kept (the default would raise an incident at the third failure)
      second = startCheck("C-5002");
      step = client.newCreateInstanceCommand().bpmnProcessId("database-step").latestVersion().send().join()
          .getProcessInstanceKey();
      await().atMost(WAIT).until(() -> !jobRecords(second, JobIntent.FAILED).isEmpty()
          && jobRecords(step, JobIntent.FAILED).size() >= 3);
      assertThat(incidents()).isZero();
    } finally {
      outage.start();
    }

    // the user task the engine created meanwhile is recorded, once; the automated step runs
    Task recorded = await().atMost(WAIT).ignoreExceptionsMatching(DatabaseUnavailable::isCauseOf)
        .until(() -> tasks.findByProcessInstanceKeyOrderByIdAsc(second).stream().findFirst(), Optional::isPresent)
        .orElseThrow();
    await().atMost(WAIT).untilAsserted(() -> EngineRecords.assertProcessInstance(engine, step).isCompleted());
    assertThat(tasks.findByProcessInstanceKeyOrderByIdAsc(second)).extracting(Task::getId)
        .containsExactly(recorded.getId());
    for (long instance : List.of(second, step)) { // no failure used up a retry
      int created = jobRecords(instance, JobIntent.CREATED).get(0).getValue().getRetries();
      assertThat(jobRecords(instance, JobIntent.FAILED)).extracting(r -> r.getValue().getRetries())
          .containsOnly(created);
    }
    assertThat(incidents()).isZero();

    // nothing of the failed submission was saved
    Task untouched = tasks.findById(open.getId()).orElseThrow();
    assertThat(untouched.getState()).isEqualTo(TaskState.OPEN);
    assertThat(untouched.getAnswers()).isNullOrEmpty();
    assertThat(untouched.getDraftSavedAt()).isNull();
    assertThat(accessLog.count("task", String.valueOf(open.getId()), AccessAction.SUBMIT)).isZero();

    // and everything works again, without a restart
    mvc.perform(formLogin("/login").user("auditor.police").password("demo")).andExpect(authenticated());
    mvc.perform(get("/api/tasks").with(httpBasic("auditor.police", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.id == " + recorded.getId() + ")]").exists());
    mvc.perform(post("/tasks/" + open.getId()).session(session).with(police).with(csrf())
            .param("action", "submit").param("summary", "Typed while the database was down")
            .param("grade", "good").param("contacts", "4"))
        .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/tasks/" + open.getId()));
    await().atMost(WAIT).until(() -> tasks.findById(open.getId()).orElseThrow().getState() == TaskState.COMPLETED);
    awaitTask(first, "socialCareCheck"); // the workflow went on
    assertThat(incidents()).isZero();
  }

  private long startCheck(String caseReference) {
    return client.newCreateInstanceCommand().bpmnProcessId("two-agency-check").latestVersion()
        .variables(Map.of("subjectType", "check", "subjectId", caseReference, "caseReference", caseReference))
        .send().join().getProcessInstanceKey();
  }

  private Task awaitTask(long instance, String elementId) {
    return await().atMost(WAIT).until(
        () -> tasks.findByProcessInstanceKeyOrderByIdAsc(instance).stream()
            .filter(t -> t.getElementId().equals(elementId)).findFirst(), Optional::isPresent).orElseThrow();
  }

  private List<Record<JobRecordValue>> jobRecords(long instance, JobIntent intent) {
    return StreamSupport.stream(EngineRecords.records(engine).jobRecords().spliterator(), false)
        .filter(r -> r.getValue().getProcessInstanceKey() == instance && r.getIntent() == intent).toList();
  }

  private long incidents() {
    return StreamSupport.stream(EngineRecords.records(engine).incidentRecords().spliterator(), false).count();
  }
}
