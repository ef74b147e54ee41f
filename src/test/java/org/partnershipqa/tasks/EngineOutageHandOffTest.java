package org.partnershipqa.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.partnershipqa.engine.EmbeddedEngine;
import org.partnershipqa.support.EngineRecords;
import org.partnershipqa.support.IntegrationTest;
import org.partnershipqa.support.SignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Answers the database accepted while the engine cannot be reached are delivered by a retry once it answers
 * again, and complete the job exactly once; meanwhile the person is told their answers are queued.
 */
@Import(EngineOutageHandOffTest.EngineLink.class)
class EngineOutageHandOffTest extends IntegrationTest {

  /** Cuts the client's CompleteJob calls off from the (real, running) engine, as a network failure would. */
  @TestConfiguration
  static class EngineLink {
    static volatile Status failure;
    static final AtomicInteger refused = new AtomicInteger();

    @Bean
    ClientInterceptor cutCompleteJob() {
      return new ClientInterceptor() {
        @Override
        public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
          Status status = failure;
          if (status == null || !method.getFullMethodName().endsWith("/CompleteJob")) {
            return next.newCall(method, options);
          }
          refused.incrementAndGet();
          return new ClientCall<>() {
            @Override public void start(Listener<R> listener, Metadata headers) { listener.onClose(status, new Metadata()); }
            @Override public void request(int n) {}
            @Override public void cancel(String message, Throwable cause) {}
            @Override public void halfClose() {}
            @Override public void sendMessage(Q message) {}
          };
        }
      };
    }
  }

  @Autowired MockMvc mvc;
  @Autowired CamundaClient client;
  @Autowired EmbeddedEngine engine;
  @Autowired TaskRepository tasks;
  @Autowired UserDetailsService users;

  @Test
  void submissionQueuedDuringAnOutageIsDeliveredOnceTheEngineAnswers() throws Exception {
    long instance = client.newCreateInstanceCommand().bpmnProcessId("two-agency-check").latestVersion()
        .variables(Map.of("caseReference", "C-3001")).send().join().getProcessInstanceKey();
    Task task = await().atMost(Duration.ofSeconds(30)).until(
        () -> tasks.findByProcessInstanceKeyOrderByIdAsc(instance).stream().findFirst(),
        java.util.Optional::isPresent).orElseThrow();

    EngineLink.failure = Status.UNAVAILABLE.withDescription("engine unreachable (test)");
    mvc.perform(post("/api/tasks/" + task.getId() + "/submission").with(httpBasic("auditor.police", "demo"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"summary\":\"Seen twice\",\"grade\":\"good\"}"))
        .andExpect(status().isAccepted()).andExpect(jsonPath("$.state").value("SUBMITTED"));

    // first attempt and at least one retry fail; the answers stay stored and queued
    await().atMost(Duration.ofSeconds(30)).until(() -> tasks.findById(task.getId()).orElseThrow().getDeliveryAttempts() >= 2);
    EngineLink.failure = Status.DEADLINE_EXCEEDED.withDescription("engine timed out (test)");
    int refusedSoFar = EngineLink.refused.get();
    await().atMost(Duration.ofSeconds(30)).until(() -> EngineLink.refused.get() > refusedSoFar);
    Task queued = tasks.findById(task.getId()).orElseThrow();
    assertThat(queued.getState()).isEqualTo(TaskState.SUBMITTED);
    assertThat(queued.getAnswers()).containsEntry("summary", "Seen twice");
    mvc.perform(get("/tasks/" + task.getId()).with(SignIn.as(users, "auditor.police")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("queued for the workflow")))
        .andExpect(content().string(Matchers.not(Matchers.containsString("This task is complete"))));

    // a double submit is refused while queued
    mvc.perform(post("/api/tasks/" + task.getId() + "/submission").with(httpBasic("auditor.police", "demo"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"summary\":\"Again\",\"grade\":\"good\"}"))
        .andExpect(status().isConflict());

    EngineLink.failure = null;
    await().atMost(Duration.ofSeconds(30)).until(() -> tasks.findById(task.getId()).orElseThrow().getState() == TaskState.COMPLETED);

    // the engine completed the job exactly once, and the process moved on to the next agency
    await().atMost(Duration.ofSeconds(30)).until(() -> tasks.findByProcessInstanceKeyOrderByIdAsc(instance).size() == 2);
    long completions = StreamSupport.stream(EngineRecords.records(engine).jobRecords().spliterator(), false)
        .filter(r -> r.getKey() == task.getJobKey() && r.getIntent() == JobIntent.COMPLETED).count();
    assertThat(completions).isEqualTo(1);
    assertThat(tasks.findById(task.getId()).orElseThrow().getAnswers()).containsEntry("summary", "Seen twice");
  }
}
