package org.partnershipqa.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.partnershipqa.forms.FormRendering.fixture;
import static org.partnershipqa.forms.FormRendering.formJson;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormValidatorJsonTest {

  private final ObjectMapper json = new ObjectMapper();
  private final FormDefinition form = fixture("valid/all-types.form");
  private final FormValidator validator = new FormValidator();

  private Map<String, Object> body(String text) throws Exception {
    return json.readValue(text, new TypeReference<>() {});
  }

  private static final String VALID =
      """
      {"caseReference":"CR-77","summary":"Fine","agencyCount":4,"leadAgency":"police","grade":"good",
       "themes":["domestic-abuse"],"lastReviewed":"2025-12-31","confirmed":true,"extra":"ignored"}
      """;

  @Test
  void validJsonGivesTypedValuesThatSerialiseAsJson() throws Exception {
    FormSubmission s = validator.fromJson(form, body(VALID));

    assertThat(s.errors()).isEmpty();
    assertThat(s.values())
        .containsEntry("agencyCount", 4L)
        .containsEntry("themes", List.of("domestic-abuse"))
        .containsEntry("lastReviewed", "2025-12-31")
        .containsEntry("confirmed", true)
        .doesNotContainKey("extra");
    assertThat(json.writeValueAsString(s.values()))
        .contains("\"agencyCount\":4,")
        .contains("\"confirmed\":true")
        .contains("\"lastReviewed\":\"2025-12-31\"");
  }

  @Test
  void numbersMayBeNumericStringsAndKeepDecimals() throws Exception {
    FormDefinition f =
        FormCatalog.parse(formJson("n", "{\"type\":\"number\",\"key\":\"amount\",\"label\":\"Amount\"}"), "n.form");

    assertThat(validator.fromJson(f, Map.of("amount", "7")).values()).containsEntry("amount", 7L);
    FormSubmission decimal = validator.fromJson(f, body("{\"amount\": 12.50}"));
    assertThat(decimal.values()).containsEntry("amount", new BigDecimal("12.5"));
    assertThat(json.writeValueAsString(decimal.values())).isEqualTo("{\"amount\":12.5}");
    assertThat(validator.fromJson(f, Map.of("amount", Double.NaN)).errors())
        .containsExactly(entry("amount", "Amount must be a number"));
  }

  @Test
  void wrongJsonTypesAreClearErrors() throws Exception {
    Map<String, Object> b = body(VALID);
    b.put("confirmed", "true");
    b.put("themes", "neglect");
    b.put("summary", 42);
    b.put("agencyCount", true);
    b.put("leadAgency", List.of("police"));
    b.put("lastReviewed", "31/12/2025");

    FormSubmission s = validator.fromJson(form, b);

    assertThat(s.errors())
        .containsOnly(
            entry("confirmed", "I confirm the audit is complete must be true or false"),
            entry("themes", "Themes identified must be a list of option values"),
            entry("summary", "Summary of practice must be text"),
            entry("agencyCount", "Number of agencies involved must be a number"),
            entry("leadAgency", "Select a valid option for lead agency"),
            entry("lastReviewed", "Date of last review must be a date in the format yyyy-mm-dd"));
    assertThat(s.values()).containsOnlyKeys("caseReference", "grade");
    assertThat(s.raw()).containsEntry("confirmed", "true").containsEntry("summary", "42");
  }

  @Test
  void impossibleDatesAndUndeclaredOptionsAreRejected() throws Exception {
    Map<String, Object> b = body(VALID);
    b.put("lastReviewed", "2026-02-31");
    b.put("themes", List.of("neglect", "<script>"));

    assertThat(validator.fromJson(form, b).errors())
        .containsOnly(
            entry("lastReviewed", "Date of last review must be a real date"),
            entry("themes", "Select a valid option for themes identified"));
  }

  @Test
  void missingKeysAreUnansweredQuestions() {
    FormSubmission s = validator.fromJson(form, new HashMap<>());

    assertThat(s.errors())
        .containsOnlyKeys("caseReference", "summary", "leadAgency", "grade", "lastReviewed", "confirmed");
    assertThat(s.values()).containsEntry("agencyCount", null).containsEntry("themes", List.of());
  }
}
