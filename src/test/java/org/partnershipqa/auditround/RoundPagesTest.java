package org.partnershipqa.auditround;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.partnershipqa.support.IntegrationTest;
import org.partnershipqa.support.SignIn;
import org.partnershipqa.tasks.TaskDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The QA lead launches a round through the pages (sample, confirm agencies, launch) and follows it. */
class RoundPagesTest extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;
  @Autowired AuditRoundRepository rounds;
  @Autowired TaskDirectory tasks;
  @Autowired ThemeRepository themes;

  @Test
  void qaLeadLaunchesThroughThePagesAndSeesProgress() throws Exception {
    var qaLead = SignIn.as(users, "qa.lead");
    Document step1 = page(mvc.perform(get("/audit-rounds/new").with(qaLead)).andExpect(status().isOk()).andReturn()
        .getResponse().getContentAsString());
    assertThat(step1.select("textarea#children")).hasSize(1);

    // a malformed line is reported with its line number and the typed text is kept
    String bad = mvc.perform(post("/audit-rounds/new").with(qaLead).with(csrf()).param("method", "entered")
            .param("children", "PG-1,7,Female,White British,Child in need,csc;police\nPG-2,seven,Male,,CIN,csc"))
        .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
    assertThat(page(bad).select(".govuk-error-summary").text()).contains("Line 2: age 'seven'");
    assertThat(page(bad).select("textarea#children").text()).contains("PG-2,seven");

    Document confirm = page(mvc.perform(post("/audit-rounds/new").with(qaLead).with(csrf()).param("method", "entered")
            .param("children", "PG-1,7,Female,White British,Child in need,csc;police\nPG-2,11,Male,,Child protection,csc;schools"))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    assertThat(confirm.select("input[name=child0.agencies][checked]").eachAttr("value")).containsExactly("csc", "police");

    String location = mvc.perform(post("/audit-rounds").with(qaLead).with(csrf())
            .param("theme", "first-1001-days").param("title", "Pages round")
            .param("lookBackFrom", LocalDate.now().minusYears(1).toString()).param("lookBackTo", LocalDate.now().toString())
            .param("deadline", LocalDate.now().plusDays(14).toString()).param("childCount", "2")
            .param("child0.caseReference", "PG-1").param("child0.age", "7").param("child0.agencies", "csc", "police")
            .param("child1.caseReference", "PG-2").param("child1.age", "11").param("child1.agencies", "csc"))
        .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
    long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    assertThat(rounds.findById(id)).isPresent();

    await().atMost(Duration.ofSeconds(60)).until(() -> tasks.forSubject("audit-round", String.valueOf(id)).size() == 3);
    Document round = page(mvc.perform(get("/audit-rounds/" + id).with(qaLead)).andExpect(status().isOk()).andReturn()
        .getResponse().getContentAsString());
    assertThat(round.select("progress").first().attr("max")).isEqualTo("3");
    assertThat(round.text()).contains("PG-1").contains("PG-2").contains("Waiting for");
    mvc.perform(get(round.select("a:containsOwn(PG-1)").attr("href")).with(qaLead)).andExpect(status().isOk());
    mvc.perform(get("/audit-rounds/" + id + "/briefing").with(qaLead)).andExpect(status().is3xxRedirection());
    assertThat(page(mvc.perform(get("/briefings/audit-round/" + id).with(qaLead)).andExpect(status().isOk()).andReturn()
        .getResponse().getContentAsString()).text()).contains("The briefing is drafted when the findings are compiled");
    mvc.perform(get("/audit-rounds").with(SignIn.as(users, "pqa.member"))).andExpect(status().isOk());
    mvc.perform(get("/outbox").with(qaLead)).andExpect(status().isOk());
    mvc.perform(get("/concerns").with(qaLead)).andExpect(status().isOk());

    // the agency auditor's task page shows the theme's graded headings
    long policeTask = tasks.forSubject("audit-round", String.valueOf(id)).stream()
        .filter(t -> t.getCandidateGroups().contains("police")).findFirst().orElseThrow().getId();
    Document task = page(mvc.perform(get("/tasks/" + policeTask).with(SignIn.as(users, "auditor.police")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    assertThat(task.select("input[type=radio][name=heading_voice]")).hasSize(5);
    assertThat(task.text()).contains("Raise an immediate safeguarding concern");
  }

  @Test
  void qaLeadEditsAThemesQuestionSetAndBadLinesAreRefusedWithTheTextKept() throws Exception {
    var qaLead = SignIn.as(users, "qa.lead");
    Document form = page(mvc.perform(get("/themes/transitions").with(qaLead)).andExpect(status().isOk()).andReturn()
        .getResponse().getContentAsString());
    String headings = form.select("textarea#headings").text();
    assertThat(headings).contains("voice | Voice of the child");

    String rejected = mvc.perform(post("/themes/transitions").with(qaLead).with(csrf()).param("title", "Transitions")
            .param("termsOfReference", "ToR").param("why", "Why").param("reminderDays", "3")
            .param("headings", "planning | Planning | \nBad Key | Title"))
        .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
    assertThat(page(rejected).select(".govuk-error-summary").text()).contains("Line 2");
    assertThat(page(rejected).select("textarea#headings").text()).contains("Bad Key");

    mvc.perform(post("/themes/transitions").with(qaLead).with(csrf()).param("title", "Transitions into adulthood")
            .param("termsOfReference", "ToR").param("why", "Why").param("reminderDays", "2").param("workingDays", "true")
            .param("active", "true").param("headings", "planning | Planning for adulthood | Is there a plan?\nmental-capacity | Mental capacity | Who assesses?"))
        .andExpect(status().is3xxRedirection());
    assertThat(themes.findByCode("transitions").orElseThrow().getHeadings()).extracting(ThemeHeading::key)
        .containsExactly("planning", "mental-capacity");
    Document list = page(mvc.perform(get("/themes").with(qaLead).flashAttr("notice", "Theme 'Transitions into adulthood' saved"))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    assertThat(list.select(".govuk-notification-banner--success").text()).contains("Transitions into adulthood' saved");
    assertThat(page(mvc.perform(get("/themes").with(qaLead)).andReturn().getResponse().getContentAsString())
        .select(".govuk-notification-banner")).isEmpty();
    mvc.perform(get("/themes").with(SignIn.as(users, "auditor.police"))).andExpect(status().isForbidden());
  }

  private static Document page(String html) {
    return Jsoup.parse(html);
  }
}
