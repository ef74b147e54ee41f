package org.partnershipqa.people;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Set;
import org.partnershipqa.database.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Who may call what. Every page needs a signed-in user; administration needs the administrator role; the
 * JSON API under {@code /api} accepts personal API tokens (Bearer) and HTTP Basic as well as the browser session, and
 * answers in problem details. Password sign-in, on the form and over HTTP Basic, is throttled ({@link SignInThrottle}).
 * Finer rules (an auditor sees only their own agency's tasks) are enforced by the features themselves.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(SignInProtection.class)
@org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity
class SecurityConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  /**
   * Sent with every response. Scripts, styles, fonts and images come from this application only, never inline (the
   * templates carry no inline script, event handler or style attribute: TemplatesWithoutInlineCodeTest), so injected
   * markup cannot run script; no plugins, no framing, forms post only here.
   */
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
      + " img-src 'self'; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self';"
      + " form-action 'self'; frame-ancestors 'none'";

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  /** The clock is a bean only in tests, which move it instead of waiting out a lockout. */
  @Bean
  SignInThrottle signInThrottle(SignInProtection settings, ObjectProvider<Clock> clock) {
    return new SignInThrottle(settings, clock.getIfUnique(Clock::systemUTC));
  }

  /**
   * Password sign-in, on the form and over HTTP Basic alike, behind the throttle. As the only authentication provider
   * bean it makes the global authentication manager (so Spring Security does not build its own from the user details
   * service; it would say so at WARN, which application.yml quiets), and OpenID Connect sign-in keeps its own.
   */
  @Bean
  AuthenticationProvider throttledSignIn(UserDetailsService users, PasswordEncoder encoder, SignInThrottle throttle,
      ApplicationEventPublisher events) {
    DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
    passwords.setPasswordEncoder(encoder);
    return new ThrottledSignIn(passwords, throttle, events);
  }

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, ApiTokens tokens) throws Exception {
    http.securityMatcher("/api/**")
        .authorizeHttpRequests(a -> a.anyRequest().authenticated())
        // personal API tokens are accepted here, and only here: never on HTML pages
        .addFilterBefore(new ApiTokenFilter(tokens, problem(HttpStatus.UNAUTHORIZED,
            "The API token is unknown or has been revoked")), BasicAuthenticationFilter.class)
        .httpBasic(basic -> basic.authenticationEntryPoint(problem(HttpStatus.UNAUTHORIZED,
            "Authentication is required: use an API token, HTTP Basic or a signed-in browser session")))
        // Requests carrying credentials in the Authorization header cannot be forged by another site;
        // browser-session requests must send the CSRF token (header X-CSRF-TOKEN).
        .csrf(csrf -> csrf.requireCsrfProtectionMatcher(
            request -> !SAFE_METHODS.contains(request.getMethod()) && request.getHeader("Authorization") == null))
        .exceptionHandling(e -> e
            .authenticationEntryPoint(problem(HttpStatus.UNAUTHORIZED,
                "Authentication is required: use an API token, HTTP Basic or a signed-in browser session"))
            .accessDeniedHandler(denied()))
        .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain web(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> oidcProviders,
      PartnershipOidcUserService oidcUserService) throws Exception {
    http.authorizeHttpRequests(a -> a
            .requestMatchers("/login", "/assets/**", "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/error",
                "/actuator/health", "/actuator/health/**").permitAll()
            .requestMatchers("/admin/**", "/actuator/**").hasRole("ADMINISTRATOR")
            .anyRequest().authenticated())
        .formLogin(form -> form.loginPage("/login").permitAll().failureHandler(signInFailed()))
        .logout(logout -> logout.logoutSuccessUrl("/login?signedOut"))
        .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
        .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
    if (oidcProviders.getIfAvailable() != null) {
      http.oauth2Login(oidc -> oidc.loginPage("/login")
          .userInfoEndpoint(u -> u.oidcUserService(oidcUserService)));
    }
    return http.build();
  }

  /**
   * A sign-in that failed because the users cannot be read (the database is down) says so; it is not a wrong
   * password.
   */
  private static AuthenticationFailureHandler signInFailed() {
    SimpleUrlAuthenticationFailureHandler wrongCredentials = new SimpleUrlAuthenticationFailureHandler("/login?error");
    SimpleUrlAuthenticationFailureHandler unavailable = new SimpleUrlAuthenticationFailureHandler("/login?unavailable");
    return (request, response, ex) -> {
      if (ex instanceof SignInRefusedException refused) {
        response.sendRedirect(request.getContextPath() + "/login?refused="
            + SignInRefusedException.minutes(refused.retryAfter()));
      } else if (DatabaseUnavailable.isCauseOf(ex)) {
        log.warn("Sign-in could not check credentials: the database cannot be reached ({})", ex.getMessage());
        unavailable.onAuthenticationFailure(request, response, ex);
      } else {
        wrongCredentials.onAuthenticationFailure(request, response, ex);
      }
    };
  }

  private static AuthenticationEntryPoint problem(HttpStatus status, String detail) {
    return (request, response, ex) -> {
      if (ex instanceof SignInRefusedException refused) { // too many failures: no password was checked
        response.setHeader("Retry-After", String.valueOf(refused.retryAfterSeconds()));
        writeProblem(response, HttpStatus.TOO_MANY_REQUESTS, refused.getMessage());
        return;
      }
      if (DatabaseUnavailable.isCauseOf(ex)) { // HTTP Basic could not check the credentials
        log.warn("{} {} answered 503: the database cannot be reached to check credentials ({})",
            request.getMethod(), request.getRequestURI(), ex.getMessage());
        response.setHeader("Retry-After", "60");
        writeProblem(response, HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.MESSAGE);
        return;
      }
      response.setHeader("WWW-Authenticate", "Basic realm=\"Partnership QA\"");
      writeProblem(response, status, detail);
    };
  }

  private static AccessDeniedHandler denied() {
    return (request, response, ex) -> writeProblem(response, HttpStatus.FORBIDDEN,
        "You do not have access to this resource (or the CSRF token is missing)");
  }

  private static void writeProblem(HttpServletResponse response, HttpStatus status, String detail)
      throws java.io.IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase()
        + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail + "\"}");
  }
}
