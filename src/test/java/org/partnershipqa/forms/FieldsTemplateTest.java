package org.partnershipqa.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnershipqa.forms.FormRendering.fixture;
import static org.partnershipqa.forms.FormRendering.formJson;
import static org.partnershipqa.forms.FormRendering.render;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

class FieldsTemplateTest {

  private final FormDefinition form = fixture("valid/all-types.form");
  private final FormValidator validator = new FormValidator();
  private final Document page = render(form, validator.initialValues(form, Map.of()), Map.of());

  private Element group(String inputId) {
    return page.getElementById(inputId).closest(".govuk-form-group");
  }

  @Test
  void textfieldIsALabelledGovukInputWithHintAndDefault() {
    Element input = page.getElementById("caseReference");
    assertThat(input.tagName()).isEqualTo("input");
    assertThat(input.attr("type")).isEqualTo("text");
    assertThat(input.hasClass("govuk-input")).isTrue();
    assertThat(input.attr("name")).isEqualTo("caseReference");
    assertThat(input.val()).isEqualTo("CR-");
    assertThat(input.attr("aria-describedby")).isEqualTo("caseReference-hint");
    assertThat(page.select("label[for=caseReference]").text()).isEqualTo("Case reference");
    assertThat(page.getElementById("caseReference-hint").text()).isEqualTo("For example, CR-1234");
    assertThat(page.getElementById("caseReference-hint").hasClass("govuk-hint")).isTrue();
    assertThat(group("caseReference").hasClass("govuk-form-group--error")).isFalse();
  }

  @Test
  void textareaAndNumber() {
    Element textarea = page.getElementById("summary");
    assertThat(textarea.tagName()).isEqualTo("textarea");
    assertThat(textarea.hasClass("govuk-textarea")).isTrue();
    assertThat(textarea.attr("name")).isEqualTo("summary");
    assertThat(textarea.hasAttr("aria-describedby")).as("no hint, no error").isFalse();
    assertThat(page.select("label[for=summary]").text()).isEqualTo("Summary of practice");

    Element number = page.getElementById("agencyCount");
    assertThat(number.classNames()).contains("govuk-input", "govuk-input--width-10");
    assertThat(number.attr("inputmode")).as("decimalDigits 0").isEqualTo("numeric");
    assertThat(number.attr("spellcheck")).isEqualTo("false");
    assertThat(number.val()).isEqualTo("2");
    assertThat(page.select("label[for=agencyCount]").text()).isEqualTo("Number of agencies involved (optional)");
  }

  @Test
  void selectListsItsOptionsAfterAnEmptyChoice() {
    Element select = page.getElementById("leadAgency");
    assertThat(select.tagName()).isEqualTo("select");
    assertThat(select.hasClass("govuk-select")).isTrue();
    assertThat(select.attr("name")).isEqualTo("leadAgency");
    assertThat(select.select("option").eachAttr("value")).containsExactly("", "police", "health", "social-care");
    assertThat(select.select("option").eachText())
        .containsExactly("Choose an option", "Police", "Health", "Children's social care");
    assertThat(select.select("option[selected]").val()).isEmpty();
    assertThat(page.select("label[for=leadAgency]").text()).isEqualTo("Lead agency");
  }

  @Test
  void radiosAreAFieldsetWithLegendHintAndCheckedDefault() {
    Element fieldset = group("grade").selectFirst("fieldset.govuk-fieldset");
    assertThat(fieldset.selectFirst("legend.govuk-fieldset__legend").text()).isEqualTo("Overall grade");
    assertThat(fieldset.attr("aria-describedby")).isEqualTo("grade-hint");
    assertThat(page.getElementById("grade-hint").text()).isEqualTo("Use the partnership's grading guidance");
    Elements radios = fieldset.select(".govuk-radios input.govuk-radios__input[type=radio]");
    assertThat(radios.eachAttr("name")).containsOnly("grade");
    assertThat(radios.eachAttr("value")).containsExactly("outstanding", "good", "requires-improvement");
    assertThat(radios.eachAttr("id")).containsExactly("grade", "grade-2", "grade-3");
    assertThat(fieldset.select("input[checked]").val()).isEqualTo("good");
    assertThat(page.select("label[for=grade-3]").text()).isEqualTo("Requires improvement");
  }

  @Test
  void groupIsAFieldsetHoldingItsChildren() {
    Element groupFieldset = page.select("fieldset:has(> legend h2.govuk-fieldset__heading)").first();
    assertThat(groupFieldset.selectFirst("legend").classNames()).contains("govuk-fieldset__legend--m");
    assertThat(groupFieldset.selectFirst("legend").text()).isEqualTo("Findings");
    assertThat(groupFieldset.getElementById("themes")).isNotNull();
    assertThat(groupFieldset.getElementById("lastReviewed-day")).isNotNull();
    assertThat(groupFieldset.getElementById("caseReference")).isNull();
  }

  @Test
  void checklistIsCheckboxesSharingTheKeyWithDefaultsTicked() {
    Element fieldset = group("themes").selectFirst("fieldset");
    assertThat(fieldset.selectFirst("legend").text()).isEqualTo("Themes identified (optional)");
    Elements boxes = fieldset.select(".govuk-checkboxes input.govuk-checkboxes__input[type=checkbox]");
    assertThat(boxes.eachAttr("name")).containsOnly("themes");
    assertThat(boxes.eachAttr("value")).containsExactly("neglect", "domestic-abuse", "exploitation");
    assertThat(fieldset.select("input[checked]").eachAttr("value")).containsExactly("neglect");
    assertThat(page.select("label[for=themes-2]").text()).isEqualTo("Domestic abuse");
  }

  @Test
  void dateIsAGovukDateInputWithThreeNamedParts() {
    Element fieldset = group("lastReviewed-day").parents().select("fieldset[role=group]").first();
    assertThat(fieldset.selectFirst("legend").text()).isEqualTo("Date of last review");
    assertThat(fieldset.attr("aria-describedby")).isEqualTo("lastReviewed-hint");
    assertThat(page.getElementById("lastReviewed-hint").text()).isEqualTo("For example, 27 3 2025");
    Element dateInput = page.getElementById("lastReviewed");
    assertThat(dateInput.hasClass("govuk-date-input")).isTrue();
    assertThat(dateInput.select("input").eachAttr("name"))
        .containsExactly("lastReviewed-day", "lastReviewed-month", "lastReviewed-year");
    assertThat(dateInput.select("label").eachText()).containsExactly("Day", "Month", "Year");
    assertThat(page.getElementById("lastReviewed-year").classNames()).contains("govuk-input--width-4");
  }

  @Test
  void dateShowsATypedIsoValueOrTheRawParts() {
    Document typed = render(form, Map.of("lastReviewed", "2026-03-01"), Map.of());
    assertThat(dateParts(typed)).containsExactly("1", "3", "2026");

    Document raw =
        render(
            form,
            Map.of("lastReviewed-day", "31", "lastReviewed-month", "02", "lastReviewed-year", "2026"),
            Map.of());
    assertThat(dateParts(raw)).containsExactly("31", "02", "2026");
  }

  private static List<String> dateParts(Document doc) {
    return doc.getElementById("lastReviewed").select("input").eachAttr("value");
  }

  @Test
  void checkboxIsASingleGovukCheckboxSendingTrue() {
    Element box = page.getElementById("confirmed");
    assertThat(box.attr("type")).isEqualTo("checkbox");
    assertThat(box.hasClass("govuk-checkboxes__input")).isTrue();
    assertThat(box.attr("name")).isEqualTo("confirmed");
    assertThat(box.val()).isEqualTo("true");
    assertThat(box.hasAttr("checked")).isFalse();
    assertThat(page.select("label[for=confirmed]").text()).isEqualTo("I confirm the audit is complete");

    Document ticked = render(form, Map.of("confirmed", true), Map.of());
    assertThat(ticked.getElementById("confirmed").hasAttr("checked")).isTrue();
  }

  @Test
  void staticTextIsEscapedGovukTypography() {
    Element heading = page.selectFirst("h2.govuk-heading-l");
    assertThat(heading.text()).isEqualTo("Case audit");
    assertThat(page.select("p.govuk-body").first().text())
        .isEqualTo("Answer for the <b>child's</b> record. Use the case file.");
    assertThat(page.select("b")).as("HTML in form text is not markup").isEmpty();
    assertThat(page.select("ul.govuk-list--bullet li").eachText())
        .containsExactly("Check the chronology", "Check the plan");
  }

  @Test
  void separatorIsASectionBreakAndNothingElseIsAddedToTheCallersForm() {
    assertThat(page.select("hr.govuk-section-break--visible")).hasSize(1);
    assertThat(page.select("form")).as("only the host page's form").hasSize(1);
    assertThat(page.select("button, input[type=submit]")).isEmpty();
    assertThat(page.select("script")).isEmpty();
  }

  @Test
  void idsAreUniqueAndEveryReferenceResolves() {
    Document withErrors =
        render(
            form,
            validator.initialValues(form, Map.of()),
            Map.of("caseReference", "Enter case reference", "grade", "Select overall grade", "lastReviewed", "Bad"));
    Set<String> ids = new HashSet<>();
    for (Element e : withErrors.select("[id]")) {
      assertThat(ids.add(e.id())).as("duplicate id " + e.id()).isTrue();
    }
    for (Element label : withErrors.select("label[for]")) {
      assertThat(ids).as("label for " + label.attr("for")).contains(label.attr("for"));
    }
    for (Element described : withErrors.select("[aria-describedby]")) {
      for (String id : described.attr("aria-describedby").split(" ")) {
        assertThat(ids).as("aria-describedby " + id).contains(id);
      }
    }
    for (Element control : withErrors.select("#task-form input, #task-form select, #task-form textarea")) {
      boolean labelled = !withErrors.select("label[for=" + control.id() + "]").isEmpty();
      assertThat(labelled).as("label for control " + control.id()).isTrue();
    }
  }

  @Test
  void errorsMarkTheFieldAndTheSummaryLinksToIt() {
    Map<String, String> errors = new LinkedHashMap<>();
    errors.put("lastReviewed", "Date of last review must be a real date");
    errors.put("caseReference", "Enter case reference");
    Document doc = render(form, Map.of(), errors);

    Element summary = doc.selectFirst("#error-summary-slot .govuk-error-summary");
    assertThat(summary.selectFirst("[role=alert] h2.govuk-error-summary__title").text()).isEqualTo("There is a problem");
    Elements links = summary.select("ul.govuk-error-summary__list a");
    assertThat(links.eachAttr("href")).as("form order").containsExactly("#caseReference", "#lastReviewed-day");
    assertThat(links.eachText()).containsExactly("Enter case reference", "Date of last review must be a real date");
    for (Element link : links) {
      assertThat(doc.getElementById(link.attr("href").substring(1))).isNotNull();
    }

    Element input = doc.getElementById("caseReference");
    assertThat(input.hasClass("govuk-input--error")).isTrue();
    assertThat(input.attr("aria-describedby")).isEqualTo("caseReference-hint caseReference-error");
    Element message = doc.getElementById("caseReference-error");
    assertThat(message.hasClass("govuk-error-message")).isTrue();
    assertThat(message.selectFirst("span.govuk-visually-hidden").text()).isEqualTo("Error:");
    assertThat(message.text()).isEqualTo("Error: Enter case reference");
    assertThat(message.closest(".govuk-form-group").hasClass("govuk-form-group--error")).isTrue();
    assertThat(doc.getElementById("lastReviewed-month").hasClass("govuk-input--error")).isTrue();
  }

  @Test
  void questionsThatNeedNoAnswerSayOptionalAndRequiredOnesAreUnmarked() {
    assertThat(page.select("label[for=agencyCount]").text()).endsWith(" (optional)");
    assertThat(page.select("label[for=caseReference]").text()).isEqualTo("Case reference");
    assertThat(page.select("label[for=summary]").text()).isEqualTo("Summary of practice");
    assertThat(page.select("label[for=leadAgency]").text()).isEqualTo("Lead agency");
    assertThat(group("grade").select("legend").text()).isEqualTo("Overall grade");
    assertThat(page.select("label[for=confirmed]").text()).as("a single box is not marked")
        .isEqualTo("I confirm the audit is complete");
    assertThat(page.text()).doesNotContain("(required)").doesNotContain("*");
    for (FormField field : form.inputs()) {
      assertThat(field.question().endsWith(" (optional)")).as(field.key())
          .isEqualTo(!field.required() && field.type() != FieldType.CHECKBOX);
    }
  }

  @Test
  void aDateHintGivesAFutureExampleWhereOnlyFutureDatesAreAllowedAndAPastOneElsewhere() {
    int nextYear = java.time.LocalDate.now().getYear() + 1;
    FormDefinition dates = FormCatalog.parse(formJson("dates",
        "{\"type\":\"datetime\",\"subtype\":\"date\",\"key\":\"due\",\"dateLabel\":\"Due date\","
            + "\"disallowPassedDates\":true}",
        "{\"type\":\"datetime\",\"subtype\":\"date\",\"key\":\"newDeadline\",\"dateLabel\":\"New deadline\","
            + "\"description\":\"Needed when extending\",\"disallowPassedDates\":true}",
        "{\"type\":\"datetime\",\"subtype\":\"date\",\"key\":\"seen\",\"dateLabel\":\"Date the child was last seen\"}"), "dates");
    Document doc = render(dates, Map.of(), Map.of());
    assertThat(doc.getElementById("due-hint").text()).isEqualTo("For example, 27 3 " + nextYear);
    assertThat(doc.getElementById("newDeadline-hint").text())
        .isEqualTo("Needed when extending. For example, 27 3 " + nextYear);
    assertThat(doc.getElementById("seen-hint").text()).isEqualTo("For example, 27 3 2007");
    assertThat(page.getElementById("lastReviewed-hint").text()).as("the form's own example")
        .isEqualTo("For example, 27 3 2025");
  }

  @Test
  void theErrorSummaryTakesTheFocus() {
    Document doc = render(form, Map.of(), Map.of("caseReference", "Enter case reference"));
    Element summary = doc.selectFirst(".govuk-error-summary");
    assertThat(summary.attr("data-module")).isEqualTo("govuk-error-summary");
    assertThat(summary.attr("tabindex")).isEqualTo("-1");
    assertThat(summary.hasAttr("autofocus")).isTrue();
  }

  @Test
  void noErrorsNoSummary() {
    assertThat(page.select(".govuk-error-summary")).isEmpty();
    assertThat(page.select(".govuk-error-message, .govuk-form-group--error")).isEmpty();
    assertThat(render(form, null, null).select(".govuk-form-group")).isNotEmpty();
  }

  @Test
  void formTextAndUserInputAreEscaped() {
    FormDefinition hostile =
        FormCatalog.parse(
            formJson(
                "hostile",
                "{\"type\":\"textfield\",\"key\":\"name\",\"label\":\"<script>alert(1)</script>\","
                    + "\"description\":\"<img src=x onerror=alert(1)>\"}",
                "{\"type\":\"select\",\"key\":\"choice\",\"label\":\"Choice\","
                    + "\"values\":[{\"label\":\"<i>A</i>\",\"value\":\"a\\\"><b>x\"}]}"),
            "hostile.form");

    Document doc =
        render(hostile, Map.of("name", "\"><script>alert(2)</script>"), Map.of("name", "<em>bad</em>"));

    assertThat(doc.select("#task-form script, #task-form img, #task-form i, #task-form b, #task-form em")).isEmpty();
    assertThat(doc.getElementById("name").val()).isEqualTo("\"><script>alert(2)</script>");
    assertThat(doc.select("label[for=name]").text()).isEqualTo("<script>alert(1)</script> (optional)");
    assertThat(doc.select("#choice option").get(1).val()).isEqualTo("a\"><b>x");
  }

  @Test
  void readonlyDisabledAndAdornersAreRendered() {
    FormDefinition f =
        FormCatalog.parse(
            formJson(
                "locked",
                "{\"type\":\"textfield\",\"key\":\"ref\",\"label\":\"Ref\",\"readonly\":true}",
                "{\"type\":\"number\",\"key\":\"cost\",\"label\":\"Cost\",\"appearance\":{\"prefixAdorner\":\"£\","
                    + "\"suffixAdorner\":\"per hour\"}}",
                "{\"type\":\"radio\",\"key\":\"r\",\"label\":\"R\",\"readonly\":true,"
                    + "\"values\":[{\"label\":\"Yes\",\"value\":\"yes\"}]}",
                "{\"type\":\"textarea\",\"key\":\"notes\",\"label\":\"Notes\",\"disabled\":true}"),
            "locked.form");

    Document doc = render(f, Map.of("ref", "R-1", "cost", 12.5), Map.of());

    assertThat(doc.getElementById("ref").hasAttr("readonly")).isTrue();
    assertThat(doc.getElementById("ref").val()).isEqualTo("R-1");
    assertThat(doc.getElementById("r").hasAttr("disabled")).as("radios cannot be readonly in HTML").isTrue();
    assertThat(doc.getElementById("notes").hasAttr("disabled")).isTrue();
    Element wrapper = doc.getElementById("cost").parent();
    assertThat(wrapper.hasClass("govuk-input__wrapper")).isTrue();
    assertThat(wrapper.selectFirst(".govuk-input__prefix[aria-hidden=true]").text()).isEqualTo("£");
    assertThat(wrapper.selectFirst(".govuk-input__suffix").text()).isEqualTo("per hour");
    assertThat(doc.getElementById("cost").val()).isEqualTo("12.5");
    assertThat(doc.getElementById("cost").attr("inputmode")).isEqualTo("decimal");
    assertThat(doc.select("#ref").size()).as("input rendered once").isEqualTo(1);
  }
}
