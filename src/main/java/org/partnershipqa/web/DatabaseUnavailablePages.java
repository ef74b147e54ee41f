package org.partnershipqa.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.partnershipqa.database.DatabaseUnavailable;
import org.partnershipqa.people.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Any page or API call that fails because the database cannot be reached is answered 503: pages with an error
 * page that says so (and, after a form post, shows what the person entered, since nothing of it was saved), the
 * API with a problem detail. Nothing is half-saved: every change is one transaction, which the database either
 * committed or never saw. Runs before every other exception handler; other failures pass through untouched.
 */
class DatabaseUnavailablePages implements HandlerExceptionResolver, Ordered {

  static final String VIEW = "error/database-unavailable";
  /** Seconds a client should wait before trying again. */
  static final String RETRY_AFTER = "60";

  private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailablePages.class);
  private static final List<String> NOT_ECHOED = List.of("_csrf", "action");

  private final ObjectMapper json;

  DatabaseUnavailablePages(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
      Exception e) {
    if (!DatabaseUnavailable.isCauseOf(e)) {
      return null;
    }
    log.warn("{} {} answered 503: the database cannot be reached ({})", request.getMethod(),
        request.getRequestURI(), e.getMessage());
    response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
    response.setHeader("Retry-After", RETRY_AFTER);
    if (isApi(request, handler)) {
      writeProblem(response);
      return new ModelAndView();
    }
    ModelAndView page = new ModelAndView(VIEW);
    page.setStatus(HttpStatus.SERVICE_UNAVAILABLE);
    page.addObject("currentUser", CurrentUser.find().orElse(null));
    page.addObject("entered", "POST".equals(request.getMethod()) ? entered(request) : Map.of());
    return page;
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  /** The problem detail every API call answers while the database is down. */
  static ProblemDetail problem() {
    ProblemDetail p = ApiProblems.problem(HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable",
        DatabaseUnavailable.MESSAGE);
    p.setProperty("retryAfterSeconds", Integer.parseInt(RETRY_AFTER));
    return p;
  }

  private void writeProblem(HttpServletResponse response) {
    try {
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      json.writeValue(response.getOutputStream(), problem());
    } catch (IOException io) {
      log.debug("Could not write the 503 problem", io);
    }
  }

  private static boolean isApi(HttpServletRequest request, Object handler) {
    if (handler instanceof HandlerMethod method
        && AnnotatedElementUtils.hasAnnotation(method.getBeanType(), RestController.class)) {
      return true;
    }
    return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
  }

  /** What the person typed into the form they sent (never passwords or the CSRF token), to copy it. */
  private static Map<String, String> entered(HttpServletRequest request) {
    Map<String, String> entered = new LinkedHashMap<>();
    request.getParameterMap().forEach((name, values) -> {
      if (NOT_ECHOED.contains(name) || name.toLowerCase().contains("password")) {
        return;
      }
      String value = String.join(", ", values).strip();
      if (!value.isEmpty()) {
        entered.put(name, value);
      }
    });
    return entered;
  }
}
