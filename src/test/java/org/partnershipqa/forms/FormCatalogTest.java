package org.partnershipqa.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class FormCatalogTest {

  @Test
  void loadsEveryFormFileFromThePatterns() {
    FormCatalog catalog = new FormCatalog("classpath*:forms-fixtures/valid/**/*.form");

    assertThat(catalog.all()).extracting(FormDefinition::id).containsExactlyInAnyOrder("case-audit", "simple-comments");
    assertThat(catalog.get("simple-comments").inputs()).extracting(FormField::key).containsExactly("comments");
    assertThat(catalog.find("case-audit")).isPresent();
    assertThat(catalog.find("missing")).isEmpty();
    assertThat(catalog.find(null)).isEmpty();
  }

  @Test
  void getOfAnUnknownKeyThrows() {
    FormCatalog catalog = new FormCatalog("classpath*:forms-fixtures/valid/*.form");

    assertThatThrownBy(() -> catalog.get("nope"))
        .isInstanceOf(UnknownFormException.class)
        .hasMessageContaining("'nope'");
  }

  @Test
  void overlappingPatternsDoNotLoadAFileTwice() {
    FormCatalog catalog =
        new FormCatalog("classpath*:forms-fixtures/valid/*.form", "classpath:forms-fixtures/valid/simple.form");

    assertThat(catalog.all()).hasSize(2);
  }

  @Test
  void duplicateFormIdsFailNamingBothFiles() {
    assertThatThrownBy(() -> new FormCatalog("classpath*:forms-fixtures/duplicate/*.form"))
        .isInstanceOf(FormDefinitionException.class)
        .hasMessageContaining("Duplicate form id 'shared-id'")
        .hasMessageContaining("first.form")
        .hasMessageContaining("second.form");
  }

  @Test
  void aFormWithAnUnsupportedComponentFailsLoading() {
    assertThatThrownBy(() -> new FormCatalog("classpath*:forms-fixtures/broken/*.form"))
        .isInstanceOf(FormDefinitionException.class)
        .hasMessageContaining("tags.form")
        .hasMessageContaining("'broken-tags'")
        .hasMessageContaining("'agencies'")
        .hasMessageContaining("taglist");
  }

  @Test
  void locationsComeFromCommaSeparatedConfiguration() {
    new ApplicationContextRunner()
        .withBean(FormCatalog.class)
        .withPropertyValues(
            "partnershipqa.forms.locations="
                + "classpath*:forms-fixtures/valid/simple.form, classpath*:forms-fixtures/valid/all-types.form")
        .run(
            context ->
                assertThat(context.getBean(FormCatalog.class).all())
                    .extracting(FormDefinition::id)
                    .containsExactlyInAnyOrder("case-audit", "simple-comments"));
  }

  @Test
  void aBrokenFormStopsTheApplicationContext() {
    new ApplicationContextRunner()
        .withBean(FormCatalog.class)
        .withPropertyValues("partnershipqa.forms.locations=classpath*:forms-fixtures/broken/*.form")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .isInstanceOf(FormDefinitionException.class)
                    .hasMessageContaining("taglist"));
  }
}
