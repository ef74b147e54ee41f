package org.partnershipqa.auditround;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.partnershipqa.support.IntegrationTest;
import org.partnershipqa.support.SignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The two launch steps as a QA lead meets them: every problem of the children entered or the cohort is reported at
 * the first step on the line that has it (an unknown agency code included), under the box that has it, in page
 * order every time; the summary takes the focus and the title says "Error:"; Back from the second step keeps what
 * was typed at the first.
 */
class LaunchStepsTest extends IntegrationTest {

  private static final String HEADER = "case_reference,age,sex,ethnicity,plan_type,agencies";

  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;

  @Test
  void anUnknownAgencyCodeIsAnErrorOnTheLineThatHasItAtTheFirstStep() throws Exception {
    String typed = "LS-1,7,Female,White British,Child in need,csc;fire-service\n"
        + "LS-2,9,Male,,Child protection,police\n"
        + "LS-3,4,Female,,Child in need,fire-service";
    Document page = stepOne("children", typed, 400);

    assertThat(summary(page)).containsExactly("Line 1: unknown agency code 'fire-service'",
        "Line 3: unknown agency code 'fire-service'");
    assertThat(page.select(".govuk-error-summary__list a").eachAttr("href")).containsOnly("#children");
    assertThat(page.select("#children-error").text()).contains("Line 1: unknown agency code 'fire-service'")
        .contains("Line 3: unknown agency code 'fire-service'");
    assertThat(page.select("#cohort-error")).isEmpty();
    assertThat(page.select("textarea#children").text()).contains("csc;fire-service");
    assertThat(page.select("textarea#children").attr("aria-describedby")).isEqualTo("children-error");
  }

  @Test
  void anUnknownAgencyCodeInTheCohortIsAnErrorOnItsLineUnderTheCohortBox() throws Exception {
    String cohort = HEADER + "\nLS-10,7,Female,,Child in need,csc\nLS-11,8,Male,,Child in need,csc;polise\n";
    Document pasted = page(send(post("/audit-rounds/new").param("method", "random").param("cohort", cohort)
        .param("sampleSize", "1"), 400));
    assertThat(summary(pasted)).containsExactly("Line 3: unknown agency code 'polise'");
    assertThat(pasted.select("#cohort-error").text()).contains("Line 3");
    assertThat(pasted.select("#children-error")).isEmpty();

    Document uploaded = page(send(multipart("/audit-rounds/new")
        .file(new MockMultipartFile("cohortFile", "cohort.csv", "text/csv", cohort.getBytes()))
        .param("method", "random").param("sampleSize", "1"), 400));
    assertThat(summary(uploaded)).containsExactly("Line 3: unknown agency code 'polise'");
    assertThat(uploaded.select("#cohortFile-error").text()).contains("Line 3");
    assertThat(uploaded.select(".govuk-error-summary__list a").attr("href")).isEqualTo("#cohortFile");
  }

  @Test
  void lineNumbersAreTheLinesAsTheQaLeadTypedThem() throws Exception {
    assertThat(summary(stepOne("children", "LS-20,7,Female,,CIN,csc\nLS-21,seven,Male,,CIN,csc", 400)))
        .containsExactly("Line 2: age 'seven' is not a whole number");
    assertThat(summary(stepOne("children", HEADER + "\nLS-20,7,Female,,CIN,csc\nLS-21,seven,Male,,CIN,csc", 400)))
        .containsExactly("Line 3: age 'seven' is not a whole number");
    assertThat(summary(stepOne("children", "\nLS-20,7,Female,,CIN\n", 400)))
        .containsExactly("Line 2: expected 6 values, found 5");
  }

  @Test
  void theErrorSummaryFollowsThePageOrderOnEverySubmit() throws Exception {
    String cohort = HEADER + "\nLS-30,x,Female,,CIN,csc\nLS-31,7,Female,,CIN,gone\nLS-32,7,Female,,CIN\n";
    List<String> expected = List.of("Line 2: age 'x' is not a whole number", "Line 3: unknown agency code 'gone'",
        "Line 4: expected 6 values, found 5", "Enter the sample size as a whole number",
        "The seed must be a whole number");
    for (int submit = 0; submit < 2; submit++) {
      Document page = page(send(post("/audit-rounds/new").param("method", "random").param("cohort", cohort)
          .param("sampleSize", "five").param("seed", "abc"), 400));
      assertThat(summary(page)).containsExactlyElementsOf(expected);
    }

    // the second step: a date that is not a real date is reported with every other problem, in page order
    for (int submit = 0; submit < 2; submit++) {
      Document page = page(send(post("/audit-rounds").param("theme", "").param("title", "")
          .param("lookBackFrom", "2026-13-45").param("lookBackTo", LocalDate.now().toString())
          .param("deadline", LocalDate.now().minusDays(1).toString()).param("childCount", "1")
          .param("child0.caseReference", "LS-40"), 400));
      assertThat(summary(page)).containsExactly("Select a theme", "Enter a title", "Enter a real date",
          "The deadline must be in the future", "Child 1: select the agencies involved");
    }
  }

  @Test
  void aRejectedStepTakesTheFocusAndTheTitleSaysError() throws Exception {
    Document first = stepOne("children", "LS-50,seven,Male,,CIN,csc", 400);
    assertThat(first.title()).startsWith("Error: ");
    Element summary = first.selectFirst(".govuk-error-summary");
    assertThat(summary.attr("tabindex")).isEqualTo("-1");
    assertThat(summary.hasAttr("autofocus")).isTrue();
    assertThat(summary.attr("data-module")).isEqualTo("govuk-error-summary");

    Document second = page(send(post("/audit-rounds").param("childCount", "0"), 400));
    assertThat(second.title()).startsWith("Error: ");
    for (String href : second.select(".govuk-error-summary__list a").eachAttr("href")) {
      assertThat(second.getElementById(href.substring(1))).as(href).isNotNull();
    }
    assertThat(second.selectFirst(".govuk-error-summary").hasAttr("autofocus")).isTrue();

    assertThat(stepOne("children", "LS-51,5,Male,,CIN,csc", 200).title()).doesNotStartWith("Error");
  }

  @Test
  void backFromTheSecondStepKeepsWhatWasTypedAtTheFirst() throws Exception {
    String typed = "LS-60,7,Female,White British,Child in need,csc;police\nLS-61,11,Male,,Child protection,csc";
    Document confirm = stepOne("children", typed, 200);
    Document back = page(send(backFrom(confirm), 200));
    assertThat(back.select("textarea#children").first().wholeText()).isEqualTo(typed);
    assertThat(back.select("input#method[checked]")).hasSize(1);

    // after a refused launch the second step still knows the first
    MockHttpServletRequestBuilder launch = post("/audit-rounds");
    for (Element hidden : confirm.select("form[action=/audit-rounds] input[type=hidden]:not([name=_csrf])")) {
      launch = launch.param(hidden.attr("name"), hidden.attr("value"));
    }
    Document refused = page(send(launch, 400));
    assertThat(page(send(backFrom(refused), 200)).select("textarea#children").first().wholeText()).isEqualTo(typed);

    // a random draw: Back shows the cohort, sample size and seed
    String cohort = HEADER + "\nLS-70,7,Female,,CIN,csc\nLS-71,8,Male,,CIN,police";
    Document drawn = page(send(post("/audit-rounds/new").param("method", "random").param("cohort", cohort)
        .param("sampleSize", "1").param("seed", "42"), 200));
    Document backToDraw = page(send(backFrom(drawn), 200));
    assertThat(backToDraw.select("textarea#cohort").first().wholeText()).isEqualTo(cohort);
    assertThat(backToDraw.select("input#method-random[checked]")).hasSize(1);
    assertThat(backToDraw.select("input#sampleSize").val()).isEqualTo("1");
    assertThat(backToDraw.select("input#seed").val()).isEqualTo("42");
  }

  private MockHttpServletRequestBuilder backFrom(Document step2) {
    Element form = step2.selectFirst("form:has(button#back)");
    assertThat(form.attr("action")).isEqualTo("/audit-rounds/new");
    MockHttpServletRequestBuilder back = post(form.attr("action"));
    for (Element hidden : form.select("input[type=hidden]")) {
      if (!hidden.attr("name").equals("_csrf")) {
        back = back.param(hidden.attr("name"), hidden.attr("value"));
      }
    }
    return back;
  }

  private Document stepOne(String field, String text, int status) throws Exception {
    return page(send(post("/audit-rounds/new").param("method", "entered").param(field, text), status));
  }

  private String send(MockHttpServletRequestBuilder request, int status) throws Exception {
    RequestPostProcessor qaLead = SignIn.as(users, "qa.lead");
    var response = mvc.perform(request.with(qaLead).with(csrf())).andReturn().getResponse();
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
    return response.getContentAsString();
  }

  private static List<String> summary(Document page) {
    return page.select(".govuk-error-summary__list li").eachText();
  }

  private static Document page(String html) {
    return Jsoup.parse(html);
  }
}
