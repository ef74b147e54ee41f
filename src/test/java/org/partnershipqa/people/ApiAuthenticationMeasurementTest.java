package org.partnershipqa.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.partnershipqa.support.IntegrationTest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What authentication costs an API call: {@code GET /api/tasks} over real HTTP with HTTP Basic (a BCrypt check every
 * call), a personal API token (a SHA-256 hash and one indexed look-up) and a signed-in browser session, the three
 * interleaved, after a warm-up. Not part of the normal run:
 * {@code mvn -q -B test -Dtest=ApiAuthenticationMeasurementTest -Dpqa.measure=true [-Dpqa.measure.calls=40]}.
 * Results are logged at INFO ("MEASURE ...").
 */
@EnabledIfSystemProperty(named = "pqa.measure", matches = "true")
class ApiAuthenticationMeasurementTest extends IntegrationTest {

  private static final Logger LOG = LoggerFactory.getLogger(ApiAuthenticationMeasurementTest.class);
  private static final String USER = "auditor.police";

  enum Way { BASIC, TOKEN, SESSION }

  @LocalServerPort int port;
  @Autowired ApiTokens tokens;
  @Autowired AppUserRepository users;

  @Test
  void measure() throws Exception {
    int calls = Math.max(40, Integer.getInteger("pqa.measure.calls", 50));
    String token = tokens.create(users.findByUsernameIgnoreCase(USER).orElseThrow(), "measurement", USER).value();
    HttpClient plain = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    HttpClient browser = signedInBrowser();
    String basic = "Basic " + Base64.getEncoder().encodeToString((USER + ":demo").getBytes(StandardCharsets.UTF_8));

    Map<Way, Function<HttpRequest.Builder, HttpRequest.Builder>> ways = new EnumMap<>(Way.class);
    ways.put(Way.BASIC, r -> r.header("Authorization", basic));
    ways.put(Way.TOKEN, r -> r.header("Authorization", "Bearer " + token));
    ways.put(Way.SESSION, r -> r);
    Map<Way, List<Long>> nanos = new EnumMap<>(Way.class);
    for (Way way : Way.values()) {
      nanos.put(way, new ArrayList<>());
    }
    for (int i = -10; i < calls; i++) { // ten rounds of warm-up, then the measured calls, the three ways in turn
      for (Way way : Way.values()) {
        HttpRequest request = ways.get(way).apply(HttpRequest.newBuilder(uri("/api/tasks"))
            .header("Accept", "application/json")).GET().build();
        long start = System.nanoTime();
        HttpResponse<String> response = (way == Way.SESSION ? browser : plain)
            .send(request, HttpResponse.BodyHandlers.ofString());
        long took = System.nanoTime() - start;
        assertThat(response.statusCode()).as(way.name()).isEqualTo(200);
        if (i >= 0) {
          nanos.get(way).add(took);
        }
      }
    }
    for (Way way : Way.values()) {
      List<Long> sorted = nanos.get(way).stream().sorted().toList();
      LOG.info("MEASURE GET /api/tasks with {}: median {} ms, p90 {} ms, min {} ms over {} calls", way,
          ms(sorted.get(sorted.size() / 2)), ms(sorted.get(sorted.size() * 9 / 10)), ms(sorted.getFirst()),
          sorted.size());
    }
  }

  /** Signs in through the form, as a browser does, and keeps the session cookie. */
  private HttpClient signedInBrowser() throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    String page = browser.send(HttpRequest.newBuilder(uri("/login")).GET().build(),
        HttpResponse.BodyHandlers.ofString()).body();
    String csrf = Jsoup.parse(page).select("input[name=_csrf]").val();
    String form = "username=" + USER + "&password=demo&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
    HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(uri("/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
    return browser;
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String ms(long nanos) {
    return String.format("%.1f", nanos / 1e6);
  }
}
