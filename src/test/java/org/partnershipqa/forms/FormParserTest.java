package org.partnershipqa.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.partnershipqa.forms.FormRendering.fixture;
import static org.partnershipqa.forms.FormRendering.formJson;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FormParserTest {

  private final FormDefinition form = fixture("valid/all-types.form");

  @Test
  void parsesEveryComponentTypeInDocumentOrder() {
    assertThat(form.id()).isEqualTo("case-audit");
    assertThat(form.fields())
        .extracting(FormField::type)
        .containsExactly(
            FieldType.TEXT,
            FieldType.TEXTFIELD,
            FieldType.TEXTAREA,
            FieldType.NUMBER,
            FieldType.SELECT,
            FieldType.RADIO,
            FieldType.GROUP,
            FieldType.SEPARATOR,
            FieldType.SPACER,
            FieldType.CHECKBOX);
    assertThat(form.inputs())
        .extracting(FormField::key)
        .containsExactly(
            "caseReference", "summary", "agencyCount", "leadAgency", "grade", "themes", "lastReviewed", "confirmed");
    assertThat(form.json()).contains("\"executionPlatformVersion\": \"8.8.0\"").startsWith("{");
  }

  @Test
  void readsTextfieldAttributes() {
    FormField f = form.field("caseReference").orElseThrow();
    assertThat(f.isInput()).isTrue();
    assertThat(f.label()).isEqualTo("Case reference");
    assertThat(f.description()).isEqualTo("For example, CR-1234");
    assertThat(f.defaultValue()).isEqualTo("CR-");
    assertThat(f.required()).isTrue();
    assertThat(f.minLength()).isEqualTo(4);
    assertThat(f.maxLength()).isEqualTo(10);
    assertThat(f.pattern()).isEqualTo("^CR-[0-9]+$");
    assertThat(f.constraints().patternMessage()).isEqualTo("Enter a case reference like CR-1234");
    assertThat(f.min()).isNull();
  }

  @Test
  void readsNumberOptionsAndDateAttributes() {
    FormField number = form.field("agencyCount").orElseThrow();
    assertThat(number.min()).isEqualByComparingTo(BigDecimal.ONE);
    assertThat(number.max()).isEqualByComparingTo(BigDecimal.valueOf(20));
    assertThat(number.constraints().decimalDigits()).isZero();
    assertThat(number.defaultValue()).isEqualTo(2L);
    assertThat(number.required()).isFalse();

    FormField select = form.field("leadAgency").orElseThrow();
    assertThat(select.options())
        .containsExactly(
            new Option("Police", "police"),
            new Option("Health", "health"),
            new Option("Children's social care", "social-care"));
    assertThat(form.field("grade").orElseThrow().defaultValue()).isEqualTo("good");
    assertThat(form.field("themes").orElseThrow().defaultValue()).isEqualTo(List.of("neglect"));

    FormField date = form.field("lastReviewed").orElseThrow();
    assertThat(date.type()).isEqualTo(FieldType.DATE);
    assertThat(date.label()).as("datetime uses dateLabel").isEqualTo("Date of last review");
    assertThat(date.required()).isTrue();

    FormField checkbox = form.field("confirmed").orElseThrow();
    assertThat(checkbox.defaultValue()).isEqualTo(false);
  }

  @Test
  void readsLayoutComponents() {
    FormField text = form.fields().getFirst();
    assertThat(text.isInput()).isFalse();
    assertThat(text.key()).isNull();
    assertThat(text.text()).startsWith("# Case audit");

    FormField group = form.fields().get(6);
    assertThat(group.label()).isEqualTo("Findings");
    assertThat(group.children()).extracting(FormField::key).containsExactly("themes", "lastReviewed");
    assertThat(group.isInput()).isFalse();
  }

  @Test
  void unknownTypeFailsNamingFormTypeKeyAndLabel() {
    String json =
        formJson(
            "audit",
            "{\"type\":\"textfield\",\"key\":\"name\",\"label\":\"Name\"}",
            "{\"type\":\"taglist\",\"key\":\"agencies\",\"label\":\"Agencies\",\"values\":[]}");

    assertThatThrownBy(() -> FormCatalog.parse(json, "audit.form"))
        .isInstanceOf(FormDefinitionException.class)
        .hasMessageContaining("'audit'")
        .hasMessageContaining("audit.form")
        .hasMessageContaining("'agencies'")
        .hasMessageContaining("\"Agencies\"")
        .hasMessageContaining("unsupported type 'taglist'");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "filepicker", "dynamiclist", "button", "iframe", "html", "table", "expression", "image", "documentPreview",
        "Textfield", "made-up"
      })
  void everyOtherTypeIsRejectedEvenInsideGroups(String type) {
    String json =
        formJson(
            "nested",
            "{\"type\":\"group\",\"label\":\"Outer\",\"components\":[{\"type\":\"" + type + "\",\"key\":\"x\"}]}");

    assertThatThrownBy(() -> FormCatalog.parse(json, "nested.form"))
        .isInstanceOf(FormDefinitionException.class)
        .hasMessageContaining("unsupported type '" + type + "'")
        .hasMessageContaining("components[0].components[0]");
  }

  @Test
  void componentWithoutTypeIsRejected() {
    assertThatThrownBy(() -> FormCatalog.parse(formJson("f", "{\"key\":\"x\",\"label\":\"X\"}"), "f.form"))
        .hasMessageContaining("'x'")
        .hasMessageContaining("has no 'type'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"time", "datetime"})
  void onlyDateSubtypeOfDatetimeIsSupported(String subtype) {
    String json =
        formJson("f", "{\"type\":\"datetime\",\"key\":\"when\",\"dateLabel\":\"When\",\"subtype\":\"" + subtype + "\"}");

    assertThatThrownBy(() -> FormCatalog.parse(json, "f.form"))
        .isInstanceOf(FormDefinitionException.class)
        .hasMessageContaining("'when'")
        .hasMessageContaining("subtype '" + subtype + "'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"valuesKey\":\"agencyOptions\"", "\"valuesExpression\":\"=options\""})
  void dynamicOptionsAreRejected(String source) {
    String json = formJson("f", "{\"type\":\"select\",\"key\":\"agency\",\"label\":\"Agency\"," + source + "}");

    assertThatThrownBy(() -> FormCatalog.parse(json, "f.form"))
        .isInstanceOf(FormDefinitionException.class)
        .hasMessageContaining("'agency'")
        .hasMessageContaining("not supported");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          {"type":"textfield","key":"a","label":"=upper case(name)"}                    | FEEL expression in 'label'
          {"type":"textfield","key":"a","label":"A","conditional":{"hide":"=b = 1"}}    | 'conditional.hide'
          {"type":"textfield","key":"a","label":"A","readonly":"=locked"}               | FEEL expression in 'readonly'
          {"type":"number","key":"a","label":"A","validate":{"min":"=minimum"}}         | FEEL expression in 'min'
          {"type":"text","text":"Hello {{name}}"}                                       | template syntax
          {"type":"group","label":"G","path":"details","components":[]}                 | 'path' = 'details'
          {"type":"textfield","key":"person.name","label":"Name"}                       | nested key 'person.name'
          """)
  void behaviourTheServerCannotHonourIsRejected(String component, String reason) {
    assertThatThrownBy(() -> FormCatalog.parse(formJson("f", component), "f.form"))
        .isInstanceOf(FormDefinitionException.class)
        .hasMessageStartingWith("Form 'f' (f.form) component")
        .hasMessageContaining(reason);
  }

  @Test
  void emptyConditionalAndPathAreAccepted() {
    String json =
        formJson(
            "f",
            "{\"type\":\"group\",\"label\":\"G\",\"path\":\"\",\"components\":["
                + "{\"type\":\"textfield\",\"key\":\"a\",\"label\":\"A\",\"conditional\":{\"hide\":false}}]}");

    assertThat(FormCatalog.parse(json, "f.form").inputs()).extracting(FormField::key).containsExactly("a");
  }

  @Test
  void fieldsMayNotShareAKeyEvenAcrossGroups() {
    String json =
        formJson(
            "f",
            "{\"type\":\"textfield\",\"key\":\"name\",\"label\":\"Name\"}",
            "{\"type\":\"group\",\"label\":\"G\",\"components\":[{\"type\":\"textarea\",\"key\":\"name\",\"label\":\"N\"}]}");

    assertThatThrownBy(() -> FormCatalog.parse(json, "f.form")).hasMessageContaining("reuses the key 'name'");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          {"type":"textfield","label":"No key"}                                          | has no 'key'
          {"type":"textfield","key":"nolabel"}                                           | has no label
          {"type":"select","key":"s","label":"S","values":[]}                            | has no options
          {"type":"radio","key":"r","label":"R","defaultValue":"x","values":[{"label":"Y","value":"y"}]} | 'x', which is not one of its options
          {"type":"checkbox","key":"c","label":"C","defaultValue":"yes"}                 | not true or false
          {"type":"datetime","key":"d","dateLabel":"D","defaultValue":"2026-02-30"}      | not a date
          {"type":"textfield","key":"t","label":"T","validate":{"pattern":"([a-z"}}      | invalid 'pattern'
          {"type":"number","key":"n","label":"N","validate":{"min":10,"max":1}}          | minimum 10 above its maximum 1
          """)
  void invalidComponentsAreRejected(String component, String reason) {
    assertThatThrownBy(() -> FormCatalog.parse(formJson("f", component), "f.form"))
        .isInstanceOf(FormDefinitionException.class)
        .hasMessageStartingWith("Form 'f' (f.form) component")
        .hasMessageContaining(reason);
  }

  @Test
  void invalidDocumentsAreRejectedWithTheirSourceName() {
    assertThatThrownBy(() -> FormCatalog.parse("{\"id\": \"x\", \"components\": [", "bad.form"))
        .isInstanceOf(FormDefinitionException.class)
        .hasMessageContaining("bad.form")
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> FormCatalog.parse("{\"components\": []}", "noid.form"))
        .hasMessageContaining("noid.form")
        .hasMessageContaining("no form 'id'");
    assertThatThrownBy(() -> FormCatalog.parse("{\"id\":\"x\",\"id\":\"y\",\"components\":[]}", "dup.form"))
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void validationNumbersMayBeWrittenAsStringsAsFormJsAllows() {
    FormField f =
        FormCatalog.parse(
                formJson(
                    "f",
                    "{\"type\":\"number\",\"key\":\"n\",\"label\":\"N\",\"validate\":{\"min\":\"0.5\",\"max\":\"10\"}}",
                    "{\"type\":\"textarea\",\"key\":\"t\",\"label\":\"T\",\"validate\":{\"maxLength\":\"50\"}}"),
                "f.form")
            .inputs()
            .getFirst();
    assertThat(f.min()).isEqualByComparingTo("0.5");
    assertThat(f.max()).isEqualByComparingTo("10");
  }
}
