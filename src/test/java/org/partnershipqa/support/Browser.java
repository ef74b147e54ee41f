package org.partnershipqa.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jsoup.Jsoup;

/**
 * A browser over real HTTP (no MockMvc: the servlet container's own error handling takes part): keeps cookies,
 * signs in through the sign-in page, asks for HTML as browsers do.
 */
public final class Browser {

  public static final String ACCEPT_HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

  private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
      .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
  private final int port;

  public Browser(int port) {
    this.port = port;
  }

  /** Signs in with the demo password; the session cookie is kept for later requests. */
  public Browser signIn(String username) throws IOException, InterruptedException {
    String login = get("/login").body();
    String csrf = Jsoup.parse(login).select("input[name=_csrf]").attr("value");
    String form = "username=" + encode(username) + "&password=demo&_csrf=" + encode(csrf);
    HttpResponse<String> signedIn = send(HttpRequest.newBuilder(uri("/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
    String location = signedIn.headers().firstValue("Location").orElse("");
    if (signedIn.statusCode() != 302 || location.contains("error")) {
      throw new IllegalStateException("Sign-in as " + username + " failed: " + signedIn.statusCode() + " " + location);
    }
    return this;
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return send(request, ACCEPT_HTML);
  }

  /** A request of this browser's session that asks for something else than HTML (a script's fetch). */
  public HttpResponse<String> send(HttpRequest.Builder request, String accept)
      throws IOException, InterruptedException {
    return http.send(request.header("Accept", accept).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
