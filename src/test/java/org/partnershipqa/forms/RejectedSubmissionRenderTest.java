package org.partnershipqa.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnershipqa.forms.FormRendering.fixture;
import static org.partnershipqa.forms.FormRendering.render;

import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** A rejected post goes back to the user with the error by the field and everything else as they typed it. */
class RejectedSubmissionRenderTest {

  private final FormDefinition form = fixture("valid/all-types.form");
  private final FormValidator validator = new FormValidator();

  @Test
  void missingAnswerIsShownNextToItsFieldAndOtherAnswersAreKept() {
    Map<String, List<String>> post = FormValidatorHtmlTest.validPost();
    post.remove("summary");
    post.put("lastReviewed-day", List.of("07"));
    FormSubmission rejected = validator.fromHtml(form, post);
    assertThat(rejected.errors()).containsOnlyKeys("summary");

    Document doc = render(form, rejected.raw(), rejected.errors());

    Element group = doc.getElementById("summary").closest(".govuk-form-group");
    assertThat(group.hasClass("govuk-form-group--error")).isTrue();
    Element message = group.selectFirst("p.govuk-error-message");
    assertThat(message.text()).isEqualTo("Error: Enter summary of practice");
    assertThat(doc.getElementById("summary").attr("aria-describedby")).isEqualTo(message.id());
    assertThat(doc.select(".govuk-form-group--error")).hasSize(1);
    assertThat(doc.select(".govuk-error-summary__list a").eachAttr("href")).containsExactly("#summary");

    assertThat(doc.getElementById("caseReference").val()).isEqualTo(" CR-1234 ");
    assertThat(doc.getElementById("agencyCount").val()).isEqualTo("3");
    assertThat(doc.select("#leadAgency option[selected]").val()).isEqualTo("health");
    assertThat(doc.select("input[name=grade][checked]").val()).isEqualTo("good");
    assertThat(doc.select("input[name=themes][checked]").eachAttr("value")).containsExactly("neglect", "exploitation");
    assertThat(doc.getElementById("lastReviewed-day").val()).as("exactly as typed").isEqualTo("07");
    assertThat(doc.getElementById("lastReviewed-month").val()).isEqualTo("3");
    assertThat(doc.getElementById("lastReviewed-year").val()).isEqualTo("2026");
    assertThat(doc.getElementById("confirmed").hasAttr("checked")).isTrue();
  }

  @Test
  void anImpossibleDateIsShownBackAsTyped() {
    Map<String, List<String>> post = FormValidatorHtmlTest.validPost();
    post.put("lastReviewed-day", List.of("31"));
    post.put("lastReviewed-month", List.of("2"));
    FormSubmission rejected = validator.fromHtml(form, post);

    Document doc = render(form, rejected.raw(), rejected.errors());

    assertThat(doc.getElementById("lastReviewed").select("input").eachAttr("value")).containsExactly("31", "2", "2026");
    assertThat(doc.getElementById("lastReviewed-error").text())
        .isEqualTo("Error: Date of last review must be a real date");
    assertThat(doc.select(".govuk-error-summary__list a").attr("href")).isEqualTo("#lastReviewed-day");
  }

  @Test
  void redisplayKeepsUnTickedBoxesUnTickedAndShowsSavedReadonlyValues() {
    FormDefinition f =
        FormCatalog.parse(
            FormRendering.formJson(
                "review",
                "{\"type\":\"textfield\",\"key\":\"ref\",\"label\":\"Reference\",\"readonly\":true}",
                "{\"type\":\"checkbox\",\"key\":\"agreed\",\"label\":\"Agreed\"}",
                "{\"type\":\"textarea\",\"key\":\"reason\",\"label\":\"Reason\",\"validate\":{\"required\":true}}"),
            "review.form");
    Map<String, Object> saved = Map.of("ref", "R-9", "agreed", true, "reason", "old reason");
    FormSubmission rejected = validator.fromHtml(f, Map.of("reason", List.of("")));

    Document doc = render(f, validator.redisplayValues(f, saved, rejected), rejected.errors());

    assertThat(doc.getElementById("ref").val()).isEqualTo("R-9");
    assertThat(doc.getElementById("agreed").hasAttr("checked")).as("the user untick wins over the saved answer").isFalse();
    assertThat(doc.getElementById("reason").text()).isEmpty();
    assertThat(doc.getElementById("reason-error").text()).isEqualTo("Error: Enter reason");
  }
}
