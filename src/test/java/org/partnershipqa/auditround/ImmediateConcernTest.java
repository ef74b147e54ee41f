package org.partnershipqa.auditround;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.partnershipqa.auditround.RoundTestApi.child;
import static org.partnershipqa.auditround.RoundTestApi.launchBody;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.partnershipqa.concern.Concerns;
import org.partnershipqa.concern.SafeguardingConcern;
import org.partnershipqa.engine.EmbeddedEngine;
import org.partnershipqa.engine.durable.DurableEngine;
import org.partnershipqa.notification.Notification;
import org.partnershipqa.notification.NotificationRepository;
import org.partnershipqa.support.IntegrationTest;
import org.partnershipqa.support.SignIn;
import org.partnershipqa.workingdays.WorkingDays;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An auditor raises an immediate safeguarding concern from an open audit task: the QA lead and the lead agency
 * get an urgent message and a response task due in one working day, the audit carries on, and an unanswered
 * concern is escalated when the engine's clock passes the due time.
 *
 * <p>Moves the engine clock, so it has an application context (engine, database) of its own, closed afterwards.
 */
@TestPropertySource(properties = "partnershipqa.test.context=immediate-concern")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ImmediateConcernTest extends IntegrationTest {

  static final Duration WAIT = Duration.ofSeconds(60);
  static final String CASE = "IC/2026/001";

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired UserDetailsService users;
  @Autowired EmbeddedEngine engine;
  @Autowired Concerns concerns;
  @Autowired NotificationRepository notifications;
  @Autowired WorkingDays workingDays;

  @Test
  void aConcernReachesTheQaLeadAndLeadAgencyAtOnceAndIsEscalatedWhenUnanswered() throws Exception {
    RoundTestApi api = new RoundTestApi(mvc, json);
    long roundId = api.launch(launchBody("Immediate concern", LocalDate.now().plusDays(30),
        List.of(child(CASE, "police", "csc")))).get("id").asLong();
    long policeTask = await().atMost(WAIT).until(() -> api.openTasks("auditor.police", roundId, "provideReturn"),
        l -> l.size() == 1).getFirst().get("id").asLong();
    long cscTask = await().atMost(WAIT).until(() -> api.openTasks("auditor.csc", roundId, "provideReturn"),
        l -> l.size() == 1).getFirst().get("id").asLong();

    // an empty description is refused on the page and saves nothing
    int concernsBefore = concerns.all().size();
    MockHttpServletResponse empty = mvc.perform(post("/tasks/" + policeTask + "/concern")
        .with(SignIn.as(users, "auditor.police")).with(csrf()).param("description", "   ")).andReturn().getResponse();
    assertThat(empty.getStatus()).isEqualTo(400);
    Document page = Jsoup.parse(empty.getContentAsString());
    assertThat(page.select(".govuk-error-summary").text()).contains("Describe why the child may be at risk of harm now");
    assertThat(page.select("#description-error").text()).contains("Describe why the child may be at risk of harm now");
    assertThat(concerns.all()).hasSize(concernsBefore);
    assertThat(urgent()).isEmpty();

    // the police auditor raises a concern from their open audit task
    Instant before = Instant.now();
    mvc.perform(post("/tasks/" + policeTask + "/concern").with(SignIn.as(users, "auditor.police")).with(csrf())
            .param("description", "Chronology shows a new adult in the household with a record of violence"))
        .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/tasks/" + policeTask));
    Instant after = Instant.now();
    assertThat(concerns.all()).hasSize(concernsBefore + 1);
    SafeguardingConcern concern = concerns.all().getFirst();
    assertThat(concern.getCaseReference()).isEqualTo(CASE);
    assertThat(concern.getRoundId()).isEqualTo(roundId);
    assertThat(concern.getRaisedByAgency()).isEqualTo("police");
    assertThat(concern.getLeadAgency()).isEqualTo("csc");

    // a response task for the QA lead, due one working day after it was raised
    JsonNode response = await().atMost(WAIT).until(
        () -> api.openTasks("qa.lead", Concerns.SUBJECT_TYPE, String.valueOf(concern.getId()), "respondToConcern"),
        l -> l.size() == 1).getFirst();
    assertThat(response.get("caseReference").asText()).isEqualTo(CASE);
    assertThat(response.get("candidateGroups")).extracting(JsonNode::asText).containsExactlyInAnyOrder("qa-lead", "csc");
    Instant due = Instant.parse(response.get("dueAt").asText()).truncatedTo(ChronoUnit.MINUTES);
    assertThat(due).isIn(
        workingDays.oneWorkingDayAfter(before.atZone(WorkingDays.LONDON)).toInstant().truncatedTo(ChronoUnit.MINUTES),
        workingDays.oneWorkingDayAfter(after.atZone(WorkingDays.LONDON)).toInstant().truncatedTo(ChronoUnit.MINUTES));
    assertThat(Instant.parse(response.get("dueAt").asText())).isEqualTo(concern.getRespondBy());
    // ... that the lead agency's auditor sees too, and another agency's does not
    assertThat(api.openTasks("auditor.csc", Concerns.SUBJECT_TYPE, String.valueOf(concern.getId()), "respondToConcern"))
        .extracting(t -> t.get("id").asLong()).containsExactly(response.get("id").asLong());
    assertThat(api.openTasks("auditor.gp", Concerns.SUBJECT_TYPE, String.valueOf(concern.getId()), "respondToConcern")).isEmpty();
    assertThat(api.send(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
        "/api/tasks/" + response.get("id").asLong()), "auditor.gp").status()).isEqualTo(404);

    // the urgent message went out at once, to the QA lead and the lead agency
    List<Notification> urgent = urgent();
    assertThat(urgent).hasSize(1);
    assertThat(urgent.getFirst().getSubject()).startsWith("URGENT").contains(CASE);
    assertThat(urgent.getFirst().getDedupeKey()).isEqualTo("concern-raised:" + concern.getId());
    assertThat(escalations()).isEmpty();

    // the round's own tasks carry on as they were
    assertThat(api.task(policeTask, "auditor.police").get("task").get("state").asText()).isEqualTo("OPEN");
    assertThat(api.task(cscTask, "auditor.csc").get("task").get("state").asText()).isEqualTo("OPEN");
    assertThat(api.returnOf(roundId, "police").get("state").asText()).isEqualTo("AWAITED");

    // nobody responds: past the due time the concern is escalated
    DurableEngine durable = (DurableEngine) engine.engine();
    Duration step = Duration.between(durable.currentTime(), concern.getRespondBy().plus(Duration.ofMinutes(1)));
    assertThat(step).isPositive();
    assertThat(escalations()).isEmpty();
    durable.increaseTime(step);

    await().atMost(WAIT).untilAsserted(() -> assertThat(escalations()).hasSize(1));
    Notification escalation = escalations().getFirst();
    assertThat(escalation.getSubject()).startsWith("ESCALATION").contains(CASE);
    assertThat(escalation.getDedupeKey()).isEqualTo("concern-escalated:" + concern.getId());
    assertThat(concerns.all().getFirst().getEscalatedAt()).isNotNull();
    // the response task is still open (escalation does not cancel it), and so are the audit tasks
    assertThat(api.task(response.get("id").asLong(), "qa.lead").get("task").get("state").asText()).isEqualTo("OPEN");
    assertThat(api.task(policeTask, "auditor.police").get("task").get("state").asText()).isEqualTo("OPEN");
    assertThat(api.task(cscTask, "auditor.csc").get("task").get("state").asText()).isEqualTo("OPEN");
  }

  private List<Notification> urgent() {
    return notifications.findBySubjectContainingOrderByIdAsc(CASE).stream()
        .filter(n -> n.getSubject().startsWith("URGENT")).toList();
  }

  private List<Notification> escalations() {
    return notifications.findBySubjectContainingOrderByIdAsc(CASE).stream()
        .filter(n -> n.getSubject().startsWith("ESCALATION")).toList();
  }
}
