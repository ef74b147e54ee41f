package org.partnershipqa.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A headless Chromium driven through the system's chromedriver with the W3C WebDriver protocol, spoken directly
 * (a few calls: no client library needed). CI installs both programs (Debian's chromium and chromium-driver).
 */
public final class HeadlessChromium implements AutoCloseable {

  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final Process driver;
  private final String base;
  private final String session;

  public static boolean available() {
    return Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
  }

  public HeadlessChromium() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    driver = new ProcessBuilder(CHROMEDRIVER.toString(), "--port=" + port)
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    base = "http://localhost:" + port;
    await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
        .until(() -> call("GET", "/status", null).path("ready").asBoolean());
    session = call("POST", "/session", Map.of("capabilities", Map.of("alwaysMatch", Map.of(
        "browserName", "chrome",
        "goog:chromeOptions", Map.of("binary", CHROMIUM.toString(),
            "args", List.of("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu")),
        "goog:loggingPrefs", Map.of("browser", "ALL"))))).path("sessionId").asText();
  }

  /** Loads the address and waits until the page has loaded. */
  public void open(String url) throws IOException {
    call("POST", "/session/" + session + "/url", Map.of("url", url));
  }

  /** Runs the script in the page (its {@code arguments} are the args) and returns what it returns. */
  public JsonNode script(String script, Object... args) throws IOException {
    return call("POST", "/session/" + session + "/execute/sync", Map.of("script", script, "args", List.of(args)));
  }

  public String url() throws IOException {
    return call("GET", "/session/" + session + "/url", null).asText();
  }

  /** The browser console's messages since the last call (CSP violations are reported there). */
  public List<String> console() throws IOException {
    List<String> messages = new ArrayList<>();
    for (JsonNode entry : call("POST", "/session/" + session + "/se/log", Map.of("type", "browser"))) {
      messages.add(entry.path("level").asText() + " " + entry.path("message").asText());
    }
    return messages;
  }

  public void deleteCookies() throws IOException {
    call("DELETE", "/session/" + session + "/cookie", null);
  }

  @Override
  public void close() {
    try {
      call("DELETE", "/session/" + session, null);
    } catch (IOException | RuntimeException e) {
      // the driver is stopped below either way
    } finally {
      driver.destroy();
    }
  }

  private JsonNode call(String method, String path, Object body) throws IOException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json");
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    JsonNode value = json.readTree(response.body()).path("value");
    if (response.statusCode() >= 400) {
      throw new IllegalStateException("WebDriver " + method + " " + path + ": " + value.path("message").asText());
    }
    return value;
  }
}
