package org.partnershipqa.briefing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.partnershipqa.support.IntegrationTest;
import org.partnershipqa.tasks.TaskDirectory;
import org.partnershipqa.tasks.TaskState;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The job workers a sign-off model uses ({@code briefing.record-decision}, {@code briefing.publish}), driven by a
 * small model deployed here (the product's {@code briefing-sign-off} model comes separately): the decision is
 * recorded with the comments and the person of the submitted {@code signOff} task, then the briefing published.
 */
class BriefingWorkersTest extends IntegrationTest {

  @Autowired CamundaClient client;
  @Autowired Briefings briefings;
  @Autowired TaskDirectory tasks;
  @Autowired MockMvc mvc;

  @Test
  void aSubmittedSignOffIsRecordedOnceAndTheBriefingPublished() throws Exception {
    client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("briefing-workers-test")
        .startEvent()
        .userTask("signOff", t -> t.zeebeFormKey("sign-off").zeebeCandidateGroups("pqa-member"))
        .serviceTask("recordDecision", t -> t.zeebeJobType("briefing.record-decision"))
        .serviceTask("publish", t -> t.zeebeJobType("briefing.publish"))
        .endEvent()
        .done(), "briefing-workers-test.bpmn").send().join();
    BriefingSubject subject = new BriefingSubject("test-subject", UUID.randomUUID().toString().substring(0, 8));
    briefings.draft(subject, "Workers briefing", BriefingPagesTest.FACTS, "system");

    client.newCreateInstanceCommand().bpmnProcessId("briefing-workers-test").latestVersion()
        .variables(Map.of("subjectType", subject.type(), "subjectId", subject.id())).send().join();
    long taskId = await().atMost(Duration.ofSeconds(30)).until(() -> tasks.forSubject(subject.type(), subject.id())
        .stream().filter(t -> t.getState() == TaskState.OPEN).findFirst().map(t -> t.getId()).orElse(null), id -> id != null);
    mvc.perform(post("/api/tasks/" + taskId + "/submission").with(httpBasic("pqa.member", "demo"))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"signOffDecision\": \"approve\", \"signOffComments\": \"Clear and ready to share\"}"))
        .andExpect(status().isAccepted());

    await().atMost(Duration.ofSeconds(30)).until(() -> briefings.published(subject).isPresent());
    assertThat(briefings.decisions(subject)).singleElement().satisfies(d -> {
      assertThat(d.getDecision()).isEqualTo("approve");
      assertThat(d.getComments()).isEqualTo("Clear and ready to share");
      assertThat(d.getDecidedBy()).isEqualTo("pqa.member");
      assertThat(d.getIdempotencyKey()).startsWith("job-");
      assertThat(d.getVersionNumber()).isEqualTo(1);
    });
    assertThat(briefings.published(subject).orElseThrow().getNumber()).isEqualTo(1);
  }
}
