package org.partnershipqa.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Which workflow engine this application runs on, and under what licence terms: the embedded engine's modules are
 * under the Camunda License 1.0, which allows non-production use only, so the application says so where an operator
 * looks (the start-up log, the administrators' About page) rather than only in the README.
 *
 * @param engine the engine in words, with its version
 * @param licence the licence(s) that govern it
 * @param terms what those terms allow, and what production use needs
 */
public record EngineLicence(String engine, String licence, String terms) {

  public static EngineLicence of(EngineMode mode) {
    return mode == EngineMode.EMBEDDED ? embedded() : remote();
  }

  static EngineLicence embedded() {
    return new EngineLicence(
        "Zeebe workflow engine " + version("io.camunda", "zeebe-workflow-engine") + ", embedded in this application"
            + " (zeebe-process-test-engine " + version("io.camunda", "zeebe-process-test-engine") + ")",
        "Camunda License 1.0 (engine modules) and Zeebe Community License 1.1 (zeebe-process-test-engine)",
        "use in non-production environments only: evaluation, development, testing and training. Production use"
            + " needs a commercial licence from Camunda, or remote mode against Camunda SaaS or a licensed Camunda 8"
            + " Self-Managed cluster");
  }

  static EngineLicence remote() {
    return new EngineLicence(
        "a Camunda 8 orchestration cluster, reached with the Camunda Java client "
            + version("io.camunda", "camunda-client-java"),
        "the cluster's own licence; the client and Spring Boot starter in this application are Apache License 2.0",
        "Camunda 8.6 and later Self-Managed is under the Camunda License 1.0: production use needs a Camunda"
            + " licence. Camunda SaaS is used under your Camunda subscription");
  }

  /** The one line the start-up log and the About page share. */
  public String summary() {
    return "Workflow engine: " + engine + ". Licence: " + licence + ". Terms: " + terms + ".";
  }

  /** A library's version, from the Maven metadata inside its jar; "unknown" when it is not there. */
  public static String version(String groupId, String artifactId) {
    String path = "/META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
    try (InputStream in = EngineLicence.class.getResourceAsStream(path)) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
