package org.partnershipqa.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Spring's error path, where the servlet container sends what no controller answered: an unknown address, a
 * method or parameter a handler refused, access denied, a request the firewall rejected, an exception outside
 * the controllers. A browser (asking for HTML) gets the GOV.UK error page, with a title, the language and a way
 * back; an API client ({@code /api/**}, or anything not asking for HTML) gets RFC 9457 problem details.
 * Replaces Spring Boot's default, whose JSON body reached browsers.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class ErrorPages implements ErrorController {

  static final String VIEW = "error";

  private final ObjectMapper json;

  ErrorPages(ObjectMapper json) {
    this.json = json;
  }

  @RequestMapping
  ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
    HttpStatus status = status(request);
    response.setStatus(status.value());
    if (isApiClient(request)) {
      ProblemDetail problem = ApiProblems.problem(status, status.getReasonPhrase(), detail(status));
      problem.setInstance(java.net.URI.create(originalPath(request)));
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      json.writeValue(response.getOutputStream(), problem);
      return null; // answered
    }
    ModelAndView page = new ModelAndView(VIEW);
    page.setStatus(status);
    page.addObject("status", status.value());
    page.addObject("heading", heading(status));
    return page;
  }

  /** A browser asks for HTML by name; API clients ask for JSON, or for anything ({@code *}{@code /*}). */
  private static boolean isApiClient(HttpServletRequest request) {
    if (originalPath(request).startsWith(request.getContextPath() + "/api/")) {
      return true;
    }
    try {
      List<MediaType> accepted = MediaType.parseMediaTypes(request.getHeader(HttpHeaders.ACCEPT));
      return accepted.stream().noneMatch(t -> "text".equals(t.getType()) && "html".equals(t.getSubtype()));
    } catch (InvalidMediaTypeException e) {
      return true;
    }
  }

  private static String originalPath(HttpServletRequest request) {
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    return uri instanceof String s ? s : request.getRequestURI();
  }

  private static HttpStatus status(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
    return status != null && status.isError() ? status : HttpStatus.INTERNAL_SERVER_ERROR;
  }

  /** The page's title and heading, in the words of the GOV.UK error page patterns. */
  static String heading(HttpStatus status) {
    return switch (status) {
      case NOT_FOUND -> "Page not found";
      case FORBIDDEN -> "You do not have access to this page";
      case SERVICE_UNAVAILABLE -> "Sorry, the service is unavailable";
      default -> status.is4xxClientError() ? "Sorry, there is a problem with that request"
          : "Sorry, there is a problem with the service";
    };
  }

  private static String detail(HttpStatus status) {
    return switch (status) {
      case NOT_FOUND -> "Nothing is found at this address";
      case FORBIDDEN -> "You do not have access to this resource";
      case UNAUTHORIZED -> "Authentication is required";
      default -> status.is4xxClientError() ? "The request is not valid for this address"
          : "The service could not answer this request";
    };
  }
}
