package org.partnershipqa.auditround.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.partnershipqa.forms.FieldType;
import org.partnershipqa.forms.FormCatalog;
import org.partnershipqa.forms.FormDefinition;
import org.partnershipqa.forms.FormField;

/** Every shipped form (forms/*.form) is one the app can render and validate. */
class ProcessFormsTest {

  private static List<Path> formFiles() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      return files.filter(p -> p.toString().endsWith(".form")).sorted().toList();
    }
  }

  private static FormDefinition parse(Path file) throws IOException {
    return FormCatalog.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }

  @Test
  void everyFormParsesAndIsNamedAfterItsId() throws IOException {
    List<Path> files = formFiles();
    assertThat(files).extracting(p -> p.getFileName().toString()).contains(
        "single-agency-audit.form", "chase-return.form", "multi-agency-discussion.form", "review-findings.form",
        "sign-off.form", "concern-response.form");
    for (Path file : files) {
      FormDefinition form = parse(file);
      assertThat(form.id() + ".form").isEqualTo(file.getFileName().toString());
      assertThat(form.inputs()).as(form.id()).isNotEmpty().allSatisfy(f -> assertThat(f.label()).isNotBlank());
    }
  }

  @Test
  void theVariablesTheModelsReadAreRequiredAnswersWithTheExpectedOptions() throws IOException {
    FormDefinition audit = parse(Path.of("forms/single-agency-audit.form"));
    assertRequiredChoice(audit, "overallGrade", "outstanding", "good", "requires-improvement", "inadequate");
    assertRequiredChoice(audit, "escalationPolicyUsed", "yes", "no", "not-applicable");

    FormDefinition chase = parse(Path.of("forms/chase-return.form"));
    assertRequiredChoice(chase, "chaseDecision", "extend", "withdraw");
    assertThat(chase.field("newDeadline")).get().extracting(FormField::type).isEqualTo(FieldType.DATE);

    FormDefinition discussion = parse(Path.of("forms/multi-agency-discussion.form"));
    assertRequiredChoice(discussion, "agreedGrade", "outstanding", "good", "requires-improvement", "inadequate");
    assertThat(discussion.inputs()).extracting(FormField::key).contains("action3LeadAgency", "action3Due");

    assertRequiredChoice(parse(Path.of("forms/sign-off.form")), "signOffDecision", "approve", "return");
    assertRequiredChoice(parse(Path.of("forms/concern-response.form")), "riskManaged", "yes", "no", "unknown");
    assertThat(parse(Path.of("forms/review-findings.form")).field("readyForSignOff")).get()
        .satisfies(f -> assertThat(f.constraints().required()).isTrue());
  }

  private static void assertRequiredChoice(FormDefinition form, String key, String... values) {
    FormField field = form.field(key).orElseThrow(() -> new AssertionError(form.id() + " has no field " + key));
    assertThat(field.constraints().required()).as(key + " required").isTrue();
    assertThat(field.options()).extracting(o -> o.value()).containsExactly(values);
  }
}
