package org.partnershipqa.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The JSON API of an application listening on a local port, called over real HTTP as a demo user. */
public final class ApiClient {

  /** Status and body (an empty object when there was none) of one call. */
  public record Reply(int status, JsonNode body) {}

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final int port;

  public ApiClient(int port) {
    this.port = port;
  }

  /** @throws IOException when the application does not answer */
  public Reply send(String method, String path, String user, Object body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json").header("Accept", "application/json");
    request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
        : request.method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), json.readTree(response.body().isEmpty() ? "{}" : response.body()));
  }
}
