package org.partnershipqa.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Remote mode asks the cluster's REST search API for active incidents and for jobs that failed with retries left,
 * and reads its answers. A stub HTTP server stands in for the cluster (none can run here): this checks the requests
 * the Camunda client 8.8.14 sends and how its answers are mapped, not a real cluster's behaviour.
 */
class RemoteIncidentSourceTest {

  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, JsonNode> requests = new ConcurrentHashMap<>();
  private final Map<String, String> answers = new ConcurrentHashMap<>();
  private HttpServer server;
  private CamundaClient client;
  private RemoteIncidentSource source;

  @BeforeEach
  void cluster() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      requests.put(path, json.readTree(exchange.getRequestBody().readAllBytes()));
      String answer = answers.get(path);
      byte[] body = (answer == null
          ? "{\"type\":\"about:blank\",\"title\":\"INTERNAL_SERVER_ERROR\",\"status\":500,\"detail\":\"stub\"}"
          : answer).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type",
          answer == null ? "application/problem+json" : "application/json");
      exchange.sendResponseHeaders(answer == null ? 500 : 200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    URI address = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    client = CamundaClient.newClientBuilder().applyEnvironmentVariableOverrides(false).restAddress(address)
        .grpcAddress(address).preferRestOverGrpc(true).build();
    source = new RemoteIncidentSource(client, new ProcessModels());
  }

  @AfterEach
  void stop() {
    client.close();
    server.stop(0);
  }

  @Test
  void activeIncidentsAreSearchedOldestFirstAndMapped() {
    answers.put("/v2/incidents/search", """
        {"items": [{"incidentKey": "2251799813685401", "processDefinitionKey": "2251799813685250",
          "processDefinitionId": "themed-audit-round", "processInstanceKey": "2251799813685383",
          "errorType": "JOB_NO_RETRIES", "errorMessage": "Mail server down", "elementId": "sendReminder",
          "elementInstanceKey": "2251799813685390", "creationTime": "2026-03-01T10:15:30.000Z", "state": "ACTIVE",
          "jobKey": "2251799813685391", "tenantId": "<default>"}],
         "page": {"totalItems": 1}}""");

    List<Incident> open = source.open().orElseThrow();

    JsonNode request = requests.get("/v2/incidents/search");
    assertThat(request.at("/filter/state").asText()).isEqualTo("ACTIVE");
    assertThat(request.at("/sort/0/field").asText()).isEqualTo("creationTime");
    assertThat(request.at("/sort/0/order").asText()).isEqualToIgnoringCase("asc");
    assertThat(request.at("/page/limit").asInt()).isEqualTo(RemoteIncidentSource.PAGE_LIMIT);
    assertThat(open).containsExactly(new Incident(2251799813685401L, "themed-audit-round",
        "Themed multi-agency audit round", "sendReminder", new ProcessModels()
            .elementName("themed-audit-round", "sendReminder").orElse(null), "JOB_NO_RETRIES", "Mail server down",
        Instant.parse("2026-03-01T10:15:30Z"), 2251799813685391L, 2251799813685383L, null, null, null));
    assertThat(source.count()).hasValue(1);
  }

  @Test
  void failingJobsAreThoseThatFailedWithRetriesLeft() {
    answers.put("/v2/jobs/search", "{\"items\": [], \"page\": {\"totalItems\": 3}}");

    assertThat(source.failingJobs()).hasValue(3);
    JsonNode request = requests.get("/v2/jobs/search");
    assertThat(request.at("/filter/hasFailedWithRetriesLeft").asBoolean()).isTrue();
    assertThat(request.at("/filter/state/$eq").asText(request.at("/filter/state").asText())).isEqualTo("FAILED");
  }

  @Test
  void aClusterThatCannotAnswerGivesNoFiguresRatherThanZero() {
    assertThat(source.open()).isEmpty();
    assertThat(source.count()).isEmpty();
    assertThat(source.failingJobs()).isEmpty();
  }
}
