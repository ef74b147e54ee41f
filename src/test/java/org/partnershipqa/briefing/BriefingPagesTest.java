package org.partnershipqa.briefing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.partnershipqa.support.IntegrationTest;
import org.partnershipqa.support.SignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The briefing pages and facade on a subject of their own (the module knows no process): editing refused when a
 * panel is empty, versions opened and compared, read-only pages for the PQA sub-group, a published version that
 * stays as it is, decisions kept once per key.
 */
@RecordApplicationEvents
class BriefingPagesTest extends IntegrationTest {

  static final Map<String, String> FACTS = Map.of("why", "Why we looked", "whatWeDid", "We audited 3 children.",
      "goodPractice", "- Timely strategy discussions\n- Schools took part in planning", "areasForDevelopment",
      "Information sharing", "practicePrompts", "Use supervision", "escalationPrompts", "Use the escalation policy",
      "whatElse", "See the training pages");

  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;
  @Autowired Briefings briefings;
  @Autowired ApplicationEvents events;

  @Test
  void anEditWithAnEmptyPanelIsRefusedWithTheTypedTextKeptAndNothingSaved() throws Exception {
    BriefingSubject subject = drafted();
    Map<String, String> form = form(subject);
    form.put("text1", "Typed why");
    form.put("text3", "   ");

    MockHttpServletResponse refused = postAs("qa.lead", path(subject), form);
    assertThat(refused.getStatus()).isEqualTo(400);
    Document page = Jsoup.parse(refused.getContentAsString());
    assertThat(page.title()).startsWith("Error: ");
    assertThat(page.select(".govuk-error-summary a[href=#text3]").text()).contains("Enter the text of panel 3, 'Good practice'");
    assertThat(page.select("#text3").first().parent().hasClass("govuk-form-group--error")).isTrue();
    assertThat(page.select("textarea#text1").text()).isEqualTo("Typed why");

    // crafted posts: no panels at all, one panel missing
    assertThat(postAs("qa.lead", path(subject), Map.of("basedOn", "1")).getStatus()).isEqualTo(400);
    Map<String, String> sixPanels = form(subject);
    sixPanels.remove("text7");
    assertThat(postAs("qa.lead", path(subject), sixPanels).getStatus()).isEqualTo(400);

    assertThat(briefings.versions(subject)).hasSize(1);
    assertThat(briefings.latest(subject).orElseThrow().getPanels().get(0).text()).isEqualTo("Why we looked");
  }

  @Test
  void oldVersionsOpenAsPagesAndCompareWithTheCurrentOnePanelByPanel() throws Exception {
    BriefingSubject subject = drafted();
    Map<String, String> form = form(subject);
    form.put("text2", "We audited 3 children and talked to their families.");
    MockHttpServletResponse saved = postAs("qa.lead", path(subject), form);
    assertThat(saved.getStatus()).isEqualTo(302);
    assertThat(briefings.versions(subject)).extracting(BriefingVersion::getNumber).containsExactly(2, 1);

    Document list = page("qa.lead", path(subject));
    assertThat(list.select("#versions a").eachAttr("href")).containsExactly(path(subject) + "/versions/2",
        path(subject) + "/versions/1");

    Document v1 = page("qa.lead", path(subject) + "/versions/1");
    assertThat(v1.select("h1").text()).isEqualTo("Version 1 of the 7-minute briefing");
    assertThat(v1.select(".app-briefing h2").eachText()).containsExactly("1. Why?", "2. What did we do?",
        "3. Good practice", "4. Areas for development", "5. What you can do to improve your practice",
        "6. Using supervision and escalation", "7. What else?");
    assertThat(v1.select("textarea")).isEmpty();
    assertThat(v1.select("#comparison").text()).isEqualTo("Compared with version 2 (the current version)");
    assertThat(v1.select("h3:contains(1. Why?) .govuk-tag").text()).isEqualTo("Unchanged");
    assertThat(v1.select("h3:contains(2. What did we do?) .govuk-tag").text()).isEqualTo("Changed");
    assertThat(v1.select(".app-comparison")).hasSize(1);
    assertThat(v1.select(".app-comparison__old").text()).isEqualTo("We audited 3 children.");
    assertThat(v1.select(".app-comparison__new").text()).isEqualTo("We audited 3 children and talked to their families.");

    assertThat(getAs("qa.lead", path(subject) + "/versions/9").getStatus()).isEqualTo(404);
  }

  @Test
  void aPqaMemberReadsTheBriefingAsTextAndCannotSave() throws Exception {
    BriefingSubject subject = drafted();
    Document draft = page("pqa.member", path(subject));
    assertThat(draft.select(".govuk-caption-l").text()).isEqualTo("Pages briefing");
    assertThat(draft.select("main textarea")).isEmpty();
    assertThat(draft.select("main form")).isEmpty();
    assertThat(draft.select("main button")).isEmpty();
    assertThat(draft.select(".app-briefing h2")).hasSize(7);
    assertThat(draft.select("#panel-3 ~ ul li").eachText())
        .containsExactly("Timely strategy discussions", "Schools took part in planning");
    assertThat(postAs("pqa.member", path(subject), form(subject)).getStatus()).isEqualTo(403);

    briefings.publish(subject.type(), subject.id());
    Document published = page("pqa.member", path(subject));
    assertThat(published.select("main textarea")).isEmpty();
    assertThat(published.select("main .govuk-tag--green").text()).isEqualTo("Published");
    assertThat(published.select(".app-briefing p").eachText()).contains("We audited 3 children.");
  }

  @Test
  void aChangeAfterPublicationIsANewDraftThatIsSentForSignOffOnce() throws Exception {
    BriefingSubject subject = drafted();
    BriefingVersion first = briefings.publish(subject.type(), subject.id());
    assertThat(briefings.publish(subject.type(), subject.id()).getNumber()).isEqualTo(1); // idempotent
    assertThat(first.getState()).isEqualTo(VersionState.PUBLISHED);
    assertThat(briefings.canRequestSignOff(subject)).isFalse();

    Map<String, String> form = form(subject);
    form.put("text7", "See the new training pages");
    assertThat(postAs("qa.lead", path(subject), form).getStatus()).isEqualTo(302);

    assertThat(briefings.published(subject).orElseThrow().getNumber()).isEqualTo(1);
    assertThat(briefings.published(subject).orElseThrow().getPanels().get(6).text()).isEqualTo("See the training pages");
    assertThat(briefings.latest(subject).orElseThrow().getState()).isEqualTo(VersionState.DRAFT);
    Document page = page("qa.lead", path(subject));
    assertThat(page.select("#pending-change").text()).contains("Draft changes not signed off yet").contains("Version 2");
    assertThat(page.select(".app-briefing p").eachText()).contains("See the training pages");
    assertThat(page.select("textarea#text7").text()).isEqualTo("See the new training pages");
    assertThat(page.select("button:contains(Send for sign-off)")).hasSize(1);

    assertThat(postAs("qa.lead", path(subject) + "/sign-off-request", Map.of()).getStatus()).isEqualTo(302);
    assertThat(postAs("qa.lead", path(subject) + "/sign-off-request", Map.of()).getStatus()).isEqualTo(302);
    assertThat(events.stream(BriefingSignOffRequested.class).filter(e -> e.subjectId().equals(subject.id())))
        .containsExactly(new BriefingSignOffRequested(subject.type(), subject.id(), "Pages briefing", 2));
    assertThat(page("qa.lead", path(subject)).select("button:contains(Send for sign-off)")).isEmpty();

    briefings.publish(subject.type(), subject.id());
    assertThat(briefings.versions(subject)).extracting(BriefingVersion::getState)
        .containsExactly(VersionState.PUBLISHED, VersionState.SUPERSEDED);
  }

  @Test
  void aDecisionIsRecordedOncePerKeyAndADraftIsNotRedrafted() {
    BriefingSubject subject = drafted();
    briefings.recordDecision(subject.type(), subject.id(), "return", "Say more about escalation", "pqa.member", "job-1");
    briefings.recordDecision(subject.type(), subject.id(), "return", "Say more about escalation", "pqa.member", "job-1");
    briefings.recordDecision(subject.type(), subject.id(), "approve", "", "pqa.member", "job-2");

    assertThat(briefings.decisions(subject)).extracting(SignOffDecision::getIdempotencyKey, SignOffDecision::getDecision,
        SignOffDecision::getComments).containsExactly(
            org.assertj.core.groups.Tuple.tuple("job-1", "return", "Say more about escalation"),
            org.assertj.core.groups.Tuple.tuple("job-2", "approve", ""));
    assertThat(events.stream(BriefingDecided.class).filter(e -> e.subjectId().equals(subject.id())))
        .containsExactly(new BriefingDecided(subject.type(), subject.id(), "return"),
            new BriefingDecided(subject.type(), subject.id(), "approve"));
    assertThatThrownBy(() -> briefings.recordDecision(subject.type(), subject.id(), "maybe", "", "x", "job-3"))
        .isInstanceOf(IllegalArgumentException.class);

    briefings.edit(subject, java.util.List.of(new BriefingPanel(1, null, "Edited why"), new BriefingPanel(2, null, "b"),
        new BriefingPanel(3, null, "c"), new BriefingPanel(4, null, "d"), new BriefingPanel(5, null, "e"),
        new BriefingPanel(6, null, "f"), new BriefingPanel(7, null, "g")), "qa.lead");
    briefings.draft(subject, "Pages briefing", FACTS, "system");
    assertThat(briefings.latest(subject).orElseThrow().getPanels().get(0).text()).isEqualTo("Edited why");
  }

  private BriefingSubject drafted() {
    BriefingSubject subject = new BriefingSubject("test-subject", UUID.randomUUID().toString().substring(0, 8));
    briefings.draft(subject, "Pages briefing", FACTS, "system");
    return subject;
  }

  /** What the QA lead's page would post back unchanged: every panel's text and the version it started from. */
  private Map<String, String> form(BriefingSubject subject) throws Exception {
    Document page = page("qa.lead", path(subject));
    Map<String, String> form = new LinkedHashMap<>();
    form.put("basedOn", page.select("input[name=basedOn]").val());
    for (Element textarea : page.select("textarea")) {
      form.put(textarea.attr("name"), textarea.text());
    }
    assertThat(form).hasSize(8);
    return form;
  }

  private static String path(BriefingSubject subject) {
    return "/briefings/" + subject.type() + "/" + subject.id();
  }

  private Document page(String user, String path) throws Exception {
    MockHttpServletResponse response = getAs(user, path);
    assertThat(response.getStatus()).as("GET %s", path).isEqualTo(200);
    return Jsoup.parse(response.getContentAsString());
  }

  private MockHttpServletResponse getAs(String user, String path) throws Exception {
    return mvc.perform(get(path).with(SignIn.as(users, user))).andReturn().getResponse();
  }

  private MockHttpServletResponse postAs(String user, String path, Map<String, String> params) throws Exception {
    MockHttpServletRequestBuilder request = post(path).with(SignIn.as(users, user)).with(csrf());
    params.forEach(request::param);
    return mvc.perform(request).andReturn().getResponse();
  }
}
