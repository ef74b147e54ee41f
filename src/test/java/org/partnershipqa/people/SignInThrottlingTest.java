package org.partnershipqa.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.partnershipqa.support.IntegrationTest;
import org.partnershipqa.support.MovableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Repeated failed sign-ins are slowed down and then refused, per account and per client address, on the sign-in
 * form and over HTTP Basic alike; the refusal holds even for the right password, ends when the lockout has passed
 * (the clock is moved, not waited for), and every failure and refusal is in the access log. Each test uses its own
 * accounts and client address, so they do not disturb each other.
 */
@Import(SignInThrottlingTest.Clocks.class)
class SignInThrottlingTest extends IntegrationTest {

  @TestConfiguration
  static class Clocks {
    @Bean
    MovableClock clock() {
      return new MovableClock();
    }
  }

  private static final Duration BETWEEN_ATTEMPTS = Duration.ofSeconds(5);

  @Autowired MockMvc mvc;
  @Autowired MovableClock clock;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theFormRefusesAnAccountAfterRepeatedFailuresEvenWithTheRightPassword() throws Exception {
    RequestPostProcessor from = from("10.0.0.1");
    for (int i = 0; i < 15; i++) {
      String answer = signIn("auditor.police", "not-the-password", from).getResponse().getRedirectedUrl();
      assertThat(answer).as("attempt %d", i + 1).isIn("/login?error", "/login?refused=1", "/login?refused=15");
      clock.advance(BETWEEN_ATTEMPTS);
    }
    MvcResult refused = signIn("auditor.police", "demo", from);
    assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/login?refused=15");
    String page = mvc.perform(get("/login?refused=15").with(from)).andReturn().getResponse().getContentAsString();
    assertThat(Jsoup.parse(page).getElementById("sign-in-refused").text())
        .contains("Too many failed sign-in attempts. Try again in 15 minutes.");

    // an unrelated account signs in from the same address
    assertThat(signIn("auditor.csc", "demo", from).getResponse().getRedirectedUrl()).isEqualTo("/");

    clock.advance(Duration.ofMinutes(15));
    assertThat(signIn("auditor.police", "demo", from).getResponse().getRedirectedUrl()).isEqualTo("/");

    assertThat(signIns("auditor.police", "SIGN_IN_FAILED")).isEqualTo(5);
    assertThat(signIns("auditor.police", "SIGN_IN_REFUSED")).isEqualTo(11);
    assertThat(jdbc.queryForObject("select detail from access_log where username = 'auditor.police'"
        + " and action = 'SIGN_IN_REFUSED' order by id desc limit 1", String.class))
        .isEqualTo("from 10.0.0.1, sign-in form");
  }

  @Test
  void theApiRefusesAnAccountAfterRepeatedFailuresWithTooManyRequests() throws Exception {
    RequestPostProcessor from = from("10.0.0.2");
    for (int i = 0; i < 15; i++) {
      int status = mvc.perform(get("/api/tasks").with(httpBasic("auditor.health", "not-the-password")).with(from))
          .andReturn().getResponse().getStatus();
      assertThat(status).as("attempt %d", i + 1).isIn(401, 429);
      clock.advance(BETWEEN_ATTEMPTS);
    }
    MvcResult refused = mvc.perform(get("/api/tasks").with(httpBasic("auditor.health", "demo")).with(from)).andReturn();
    assertThat(refused.getResponse().getStatus()).isEqualTo(429);
    assertThat(refused.getResponse().getContentType()).isEqualTo("application/problem+json");
    assertThat(refused.getResponse().getContentAsString())
        .contains("Too many failed sign-in attempts. Try again in 15 minutes.");
    assertThat(Long.parseLong(refused.getResponse().getHeader("Retry-After"))).isBetween(14 * 60L, 15 * 60L);

    assertThat(mvc.perform(get("/api/tasks").with(httpBasic("auditor.gp", "demo")).with(from)).andReturn()
        .getResponse().getStatus()).as("an unrelated account").isEqualTo(200);

    clock.advance(Duration.ofMinutes(15));
    assertThat(mvc.perform(get("/api/tasks").with(httpBasic("auditor.health", "demo")).with(from)).andReturn()
        .getResponse().getStatus()).isEqualTo(200);
    assertThat(signIns("auditor.health", "SIGN_IN_FAILED")).isEqualTo(5);
    assertThat(jdbc.queryForObject("select detail from access_log where username = 'auditor.health'"
        + " and action = 'SIGN_IN_REFUSED' order by id desc limit 1", String.class))
        .isEqualTo("from 10.0.0.2, HTTP Basic on GET /api/tasks");
  }

  @Test
  void anAddressThatFailsForManyAccountsIsSlowedDownForEveryAccount() throws Exception {
    RequestPostProcessor from = from("10.0.0.3");
    for (int i = 1; i <= 10; i++) { // one wrong guess each for ten usernames, none of which exists
      assertThat(signIn("guess-" + i, "password", from).getResponse().getRedirectedUrl()).isEqualTo("/login?error");
    }
    assertThat(signIn("qa.lead", "demo", from).getResponse().getRedirectedUrl()).startsWith("/login?refused=");
    assertThat(mvc.perform(get("/api/tasks").with(httpBasic("qa.lead", "demo")).with(from)).andReturn()
        .getResponse().getStatus()).isEqualTo(429);
    assertThat(signIn("qa.lead", "demo", from("10.0.0.4")).getResponse().getRedirectedUrl())
        .as("another address").isEqualTo("/");
    assertThat(signIns("guess-7", "SIGN_IN_FAILED")).isEqualTo(1);

    clock.advance(Duration.ofSeconds(2));
    assertThat(signIn("qa.lead", "demo", from).getResponse().getRedirectedUrl()).isEqualTo("/");
  }

  private MvcResult signIn(String username, String password, RequestPostProcessor from) throws Exception {
    return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf()).with(from))
        .andReturn();
  }

  private long signIns(String username, String action) {
    return jdbc.queryForObject("select count(*) from access_log where record_type = 'sign-in' and username = ?"
        + " and action = ?", Long.class, username, action);
  }

  private static RequestPostProcessor from(String address) {
    return request -> {
      request.setRemoteAddr(address);
      return request;
    };
  }
}
