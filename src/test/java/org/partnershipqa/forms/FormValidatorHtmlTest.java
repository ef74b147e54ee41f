package org.partnershipqa.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.partnershipqa.forms.FormRendering.fixture;
import static org.partnershipqa.forms.FormRendering.formJson;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormValidatorHtmlTest {

  private final FormDefinition form = fixture("valid/all-types.form");
  private final FormValidator validator = new FormValidator();

  /** A complete, valid post of the all-types form; tests change one answer at a time. */
  static Map<String, List<String>> validPost() {
    Map<String, List<String>> p = new HashMap<>();
    p.put("caseReference", List.of(" CR-1234 "));
    p.put("summary", List.of("Good multi-agency work.\r\nPlan reviewed."));
    p.put("agencyCount", List.of("3"));
    p.put("leadAgency", List.of("health"));
    p.put("grade", List.of("good"));
    p.put("themes", List.of("neglect", "exploitation"));
    p.put("lastReviewed-day", List.of("1"));
    p.put("lastReviewed-month", List.of("3"));
    p.put("lastReviewed-year", List.of("2026"));
    p.put("confirmed", List.of("true"));
    return p;
  }

  private FormSubmission post(String key, String... values) {
    Map<String, List<String>> p = validPost();
    if (values.length == 0) {
      p.remove(key);
    } else {
      p.put(key, List.of(values));
    }
    return validator.fromHtml(form, p);
  }

  @Test
  void validPostGivesTypedValues() {
    FormSubmission s = validator.fromHtml(form, validPost());

    assertThat(s.valid()).isTrue();
    assertThat(s.errors()).isEmpty();
    assertThat(s.values())
        .containsExactly(
            entry("caseReference", "CR-1234"),
            entry("summary", "Good multi-agency work.\nPlan reviewed."),
            entry("agencyCount", 3L),
            entry("leadAgency", "health"),
            entry("grade", "good"),
            entry("themes", List.of("neglect", "exploitation")),
            entry("lastReviewed", "2026-03-01"),
            entry("confirmed", true));
    assertThat(s.raw()).containsEntry("caseReference", " CR-1234 ").containsEntry("lastReviewed-day", "1");
  }

  @Test
  void missingRequiredAnswerIsAnErrorForThatFieldOnly() {
    FormSubmission s = post("summary", "   ");

    assertThat(s.valid()).isFalse();
    assertThat(s.errors()).containsExactly(entry("summary", "Enter summary of practice"));
    assertThat(s.values()).doesNotContainKey("summary").containsEntry("agencyCount", 3L);
    assertThat(s.raw())
        .containsEntry("summary", "   ")
        .containsEntry("caseReference", " CR-1234 ")
        .containsEntry("themes", List.of("neglect", "exploitation"))
        .containsEntry("lastReviewed-year", "2026");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          agencyCount   | 0        | Number of agencies involved must be 1 or more
          agencyCount   | 21       | Number of agencies involved must be 20 or less
          agencyCount   | 2.5      | Number of agencies involved must be a whole number
          agencyCount   | three    | Number of agencies involved must be a number
          agencyCount   | 1e400    | Number of agencies involved must be a number
          caseReference | CR-      | Case reference must be 4 characters or more
          caseReference | CR-12345678 | Case reference must be 10 characters or less
          caseReference | XX-1234  | Enter a case reference like CR-1234
          leadAgency    | fire     | Select a valid option for lead agency
          grade         | great    | Select a valid option for overall grade
          confirmed     | yes      | Select a valid option for I confirm the audit is complete
          lastReviewed-day | 31    | Date of last review must be a real date
          lastReviewed-day | x     | Date of last review must be a real date
          lastReviewed-year | 26   | Date of last review must include a year with 4 numbers
          """)
  void rulesAreCheckedOnTheServer(String param, String sent, String message) {
    Map<String, List<String>> p = validPost();
    p.put(param, List.of(sent));
    if (param.equals("lastReviewed-day") && sent.equals("31")) {
      p.put("lastReviewed-month", List.of("2"));
    }
    String key = param.replaceAll("-(day|month|year)$", "");

    FormSubmission s = validator.fromHtml(form, p);

    assertThat(s.errors()).containsExactly(entry(key, message));
    assertThat(s.values()).doesNotContainKey(key).hasSize(form.inputs().size() - 1);
  }

  @Test
  void aRequiredCheckboxAsksToConfirmWhatItStates() {
    FormDefinition boxes = FormCatalog.parse(formJson("boxes",
        "{\"type\":\"checkbox\",\"key\":\"ready\",\"label\":\"The findings and briefing are ready for sign-off\","
            + "\"validate\":{\"required\":true}}",
        "{\"type\":\"checkbox\",\"key\":\"read\",\"label\":\"I have read the escalation policy\","
            + "\"validate\":{\"required\":true}}",
        "{\"type\":\"checkbox\",\"key\":\"agreed\",\"label\":\"I confirm that the chronology is complete.\","
            + "\"validate\":{\"required\":true}}"), "boxes");
    assertThat(validator.fromHtml(boxes, Map.of()).errors()).containsExactly(
        entry("ready", "Confirm that the findings and briefing are ready for sign-off"),
        entry("read", "Confirm that you have read the escalation policy"),
        entry("agreed", "Confirm that the chronology is complete"));
  }

  @Test
  void requiredChoicesAndDates() {
    assertThat(post("leadAgency").errors()).containsExactly(entry("leadAgency", "Select lead agency"));
    assertThat(post("confirmed").errors())
        .containsExactly(entry("confirmed", "Confirm the audit is complete"));

    Map<String, List<String>> p = validPost();
    p.remove("lastReviewed-day");
    p.remove("lastReviewed-month");
    p.remove("lastReviewed-year");
    assertThat(validator.fromHtml(form, p).errors()).containsExactly(entry("lastReviewed", "Enter date of last review"));
    p.put("lastReviewed-year", List.of("2026"));
    assertThat(validator.fromHtml(form, p).errors())
        .containsExactly(entry("lastReviewed", "Date of last review must include a day and month"));
  }

  @Test
  void optionalFieldsMayBeLeftEmptyAndThenClearTheirValue() {
    Map<String, List<String>> p = validPost();
    p.remove("agencyCount");
    p.remove("themes");

    FormSubmission s = validator.fromHtml(form, p);

    assertThat(s.valid()).isTrue();
    assertThat(s.values()).containsEntry("agencyCount", null).containsEntry("themes", List.of());
  }

  @Test
  void checklistOptionsMustAllBeDeclared() {
    FormSubmission s = post("themes", "neglect", "made-up");

    assertThat(s.errors()).containsExactly(entry("themes", "Select a valid option for themes identified"));
  }

  @Test
  void checklistIgnoresRepeatsAndEmptyPlaceholders() {
    assertThat(post("themes", "neglect", "", "neglect").values()).containsEntry("themes", List.of("neglect"));
  }

  @Test
  void unknownParametersAreIgnored() {
    Map<String, List<String>> p = validPost();
    p.put("isAdmin", List.of("true"));
    p.put("_csrf", List.of("token"));

    FormSubmission s = validator.fromHtml(form, p);

    assertThat(s.values()).doesNotContainKeys("isAdmin", "_csrf");
    assertThat(s.raw()).doesNotContainKeys("isAdmin", "_csrf");
  }

  @Test
  void readonlyAndDisabledFieldsAreNeverTakenFromTheClient() {
    FormDefinition locked =
        FormCatalog.parse(
            formJson(
                "locked",
                "{\"type\":\"textfield\",\"key\":\"ref\",\"label\":\"Ref\",\"readonly\":true,\"validate\":{\"required\":true}}",
                "{\"type\":\"textfield\",\"key\":\"owner\",\"label\":\"Owner\",\"disabled\":true}",
                "{\"type\":\"textfield\",\"key\":\"note\",\"label\":\"Note\"}"),
            "locked.form");

    FormSubmission s =
        validator.fromHtml(
            locked, Map.of("ref", List.of("forged"), "owner", List.of("me"), "note", List.of("hello")));

    assertThat(s.valid()).isTrue();
    assertThat(s.values()).containsExactly(entry("note", "hello"));
    assertThat(s.raw()).containsOnlyKeys("note");
  }

  @Test
  void patternsAndFormatsFollowFormJs() {
    FormDefinition f =
        FormCatalog.parse(
            formJson(
                "formats",
                "{\"type\":\"textfield\",\"key\":\"code\",\"label\":\"Code\",\"validate\":{\"pattern\":\"[0-9]{3}\"}}",
                "{\"type\":\"textfield\",\"key\":\"email\",\"label\":\"Email address\",\"validate\":{\"validationType\":\"email\"}}",
                "{\"type\":\"textfield\",\"key\":\"phone\",\"label\":\"Phone\",\"validate\":{\"validationType\":\"phone\"}}"),
            "formats.form");

    FormSubmission ok =
        validator.fromHtml(
            f,
            Map.of(
                "code", List.of("ab123"), "email", List.of("a.b@example.org"), "phone", List.of("+441632960001")));
    assertThat(ok.errors()).as("unanchored patterns match anywhere, like RegExp.test").isEmpty();

    FormSubmission bad =
        validator.fromHtml(
            f, Map.of("code", List.of("ab12"), "email", List.of("not-an-email"), "phone", List.of("01632 960001")));
    assertThat(bad.errors())
        .containsExactly(
            entry("code", "Enter code in the correct format"),
            entry("email", "Enter email address in the correct format, like name@example.com"),
            entry("phone", "Enter phone in the correct format, like +441632960001"));
  }

  @Test
  void numberIncrementDecimalsAndStringSerialisation() {
    FormDefinition f =
        FormCatalog.parse(
            formJson(
                "numbers",
                "{\"type\":\"number\",\"key\":\"hours\",\"label\":\"Hours\",\"increment\":0.5,\"decimalDigits\":1}",
                "{\"type\":\"number\",\"key\":\"cost\",\"label\":\"Cost\",\"serializeToString\":true}"),
            "numbers.form");

    FormSubmission ok = validator.fromHtml(f, Map.of("hours", List.of("2.50"), "cost", List.of("12.50")));
    assertThat(ok.values()).containsExactly(entry("hours", new java.math.BigDecimal("2.5")), entry("cost", "12.5"));

    assertThat(validator.fromHtml(f, Map.of("hours", List.of("2.25"))).errors())
        .containsExactly(entry("hours", "Hours must have 1 decimal places or fewer"));
    assertThat(validator.fromHtml(f, Map.of("hours", List.of("2.3"))).errors())
        .containsExactly(entry("hours", "Hours must be a multiple of 0.5"));
  }

  @Test
  void disallowPassedDatesUsesToday() {
    FormDefinition f =
        FormCatalog.parse(
            formJson(
                "future",
                "{\"type\":\"datetime\",\"subtype\":\"date\",\"key\":\"due\",\"dateLabel\":\"Due date\","
                    + "\"disallowPassedDates\":true}"),
            "future.form");
    FormValidator on2026 = new FormValidator(Clock.fixed(Instant.parse("2026-05-10T12:00:00Z"), ZoneOffset.UTC));

    assertThat(on2026.fromHtml(f, date("due", "10", "5", "2026")).values()).containsEntry("due", "2026-05-10");
    assertThat(on2026.fromHtml(f, date("due", "9", "5", "2026")).errors())
        .containsExactly(entry("due", "Due date must be today or in the future"));
  }

  private static Map<String, List<String>> date(String key, String day, String month, String year) {
    return Map.of(key + "-day", List.of(day), key + "-month", List.of(month), key + "-year", List.of(year));
  }

  @Test
  void initialValuesPreferSavedAnswersOverDefaults() {
    Map<String, Object> saved = new HashMap<>();
    saved.put("grade", "outstanding");
    saved.put("agencyCount", null);
    saved.put("notAField", "x");

    Map<String, Object> initial = validator.initialValues(form, saved);

    assertThat(initial)
        .containsEntry("grade", "outstanding")
        .containsEntry("agencyCount", 2L)
        .containsEntry("caseReference", "CR-")
        .containsEntry("themes", List.of("neglect"))
        .doesNotContainKeys("notAField", "summary");
    assertThat(validator.initialValues(form, null)).containsEntry("grade", "good");
  }
}
