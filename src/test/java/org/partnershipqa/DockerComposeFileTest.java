package org.partnershipqa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Checks docker-compose.yml as a file (no Docker engine is needed): the app service passes only settings that some
 * Spring configuration metadata on the class path documents, it reaches the services it names, and the
 * orchestration cluster is Camunda 8.8.
 */
class DockerComposeFileTest {

  private static final Path COMPOSE_FILE = Path.of("docker-compose.yml");
  private static final String[] METADATA = {
    "META-INF/spring-configuration-metadata.json", "META-INF/additional-spring-configuration-metadata.json"
  };

  private static Map<String, Object> services;
  private static String appName;
  private static Map<String, Object> app;
  private static Map<String, String> appEnvironment;

  @BeforeAll
  static void readComposeFile() throws IOException {
    Map<String, Object> compose;
    try (Reader reader = Files.newBufferedReader(COMPOSE_FILE)) {
      compose = new Yaml().load(reader);
    }
    services = map(compose.get("services"));
    assertThat(services).as("services in %s", COMPOSE_FILE).isNotEmpty();

    // The app is the one service built from this repository.
    List<String> built = services.keySet().stream().filter(name -> map(services.get(name)).containsKey("build")).toList();
    assertThat(built).as("services with a build: section (the app)").hasSize(1);
    appName = built.get(0);
    app = map(services.get(appName));
    appEnvironment = environment(app.get("environment"));
  }

  @Test
  void appIsBuiltFromTheProjectDockerfile() {
    Map<String, Object> build = map(app.get("build"));
    assertThat(build.get("dockerfile")).isEqualTo("src/main/docker/Dockerfile");
    assertThat(Path.of(String.valueOf(build.getOrDefault("context", "."))).resolve("src/main/docker/Dockerfile"))
        .exists();
  }

  @Test
  void everyAppEnvironmentVariableIsADocumentedProperty() throws IOException {
    Set<String> documented = new TreeSet<>();
    Set<String> documentedMaps = new TreeSet<>();
    ObjectMapper json = new ObjectMapper();
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    int files = 0;
    for (String resource : METADATA) {
      Enumeration<URL> urls = loader.getResources(resource);
      while (urls.hasMoreElements()) {
        files++;
        try (InputStream in = urls.nextElement().openStream()) {
          for (JsonNode property : json.readTree(in).path("properties")) {
            String canonical = canonical(property.path("name").asText());
            documented.add(canonical);
            if (property.path("type").asText().startsWith("java.util.Map<")) {
              documentedMaps.add(canonical);
            }
          }
        }
      }
    }
    assertThat(files).as("configuration metadata files on the test class path").isGreaterThan(1);

    List<String> undocumented = new ArrayList<>();
    for (String variable : appEnvironment.keySet()) {
      String canonical = canonical(variable);
      boolean known = documented.contains(canonical)
          || documentedMaps.stream().anyMatch(prefix -> canonical.startsWith(prefix) && canonical.length() > prefix.length());
      if (!known) {
        undocumented.add(variable);
      }
    }
    assertThat(undocumented)
        .as("environment variables of service '%s' that no spring-configuration-metadata documents"
            + " (a typo, or a property the app does not declare)", appName)
        .isEmpty();
  }

  @Test
  void appRunsTheRemoteEngineAgainstTheComposeServices() {
    assertThat(appEnvironment)
        .containsEntry("PARTNERSHIPQA_ENGINE_MODE", "remote")
        .containsEntry("PARTNERSHIPQA_DEMO_USERS", "false")
        .containsKeys("CAMUNDA_CLIENT_GRPC_ADDRESS", "CAMUNDA_CLIENT_REST_ADDRESS", "SPRING_DATASOURCE_URL");

    String grpcHost = URI.create(appEnvironment.get("CAMUNDA_CLIENT_GRPC_ADDRESS")).getHost();
    String restHost = URI.create(appEnvironment.get("CAMUNDA_CLIENT_REST_ADDRESS")).getHost();
    String dbHost = URI.create(appEnvironment.get("SPRING_DATASOURCE_URL").substring("jdbc:".length())).getHost();
    assertThat(services).containsKeys(grpcHost, restHost, dbHost);

    Map<String, Object> dependsOn = map(app.get("depends_on"));
    for (String service : Set.of(grpcHost, dbHost)) {
      assertThat(dependsOn).as("app depends_on").containsKey(service);
      assertThat(map(dependsOn.get(service))).as("depends_on %s", service)
          .containsEntry("condition", "service_healthy");
      assertThat(map(services.get(service))).as("service %s", service).containsKey("healthcheck");
    }
  }

  @Test
  void orchestrationClusterIsCamunda88() {
    List<String> images = services.values().stream()
        .map(service -> String.valueOf(map(service).get("image")))
        .filter(image -> image.startsWith("camunda/camunda:"))
        .toList();
    assertThat(images).as("camunda/camunda orchestration images").hasSize(1);
    assertThat(images.get(0).substring("camunda/camunda:".length())).startsWith("8.8");
  }

  /** Spring relaxed-binding comparison form: lower case, only letters and digits (drops '.', '-', '_', '[]'). */
  static String canonical(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  /** Compose accepts a map or a list of "NAME=value" strings. */
  private static Map<String, String> environment(Object environment) {
    Map<String, String> result = new LinkedHashMap<>();
    if (environment instanceof Map<?, ?> map) {
      map.forEach((key, value) -> result.put(String.valueOf(key), value == null ? null : String.valueOf(value)));
    } else if (environment instanceof List<?> list) {
      for (Object entry : list) {
        String text = String.valueOf(entry);
        int equals = text.indexOf('=');
        result.put(equals < 0 ? text : text.substring(0, equals), equals < 0 ? null : text.substring(equals + 1));
      }
    }
    return result;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }
}
