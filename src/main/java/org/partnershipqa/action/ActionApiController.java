package org.partnershipqa.action;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.partnershipqa.people.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Actions as JSON: the same visibility, checks and history as the pages. */
@RestController
@RequestMapping("/api/actions")
class ActionApiController {

  private final ActionTracker tracker;

  ActionApiController(ActionTracker tracker) {
    this.tracker = tracker;
  }

  /** An update: {@code status} NOT_STARTED, ONGOING or COMPLETED; {@code version} optional (refused when stale). */
  record UpdateBody(String status, String evidence, String note, Long version) {}

  @GetMapping
  List<ActionView> list(@RequestParam(required = false) String agency,
      @RequestParam(required = false) String status) {
    return tracker.list(CurrentUser.get(), ActionTracker.Filter.of(agency, status));
  }

  @GetMapping("/{id}")
  ActionTracker.Detail one(@PathVariable long id) {
    return tracker.view(id, CurrentUser.get());
  }

  @PostMapping("/{id}")
  ActionTracker.Detail update(@PathVariable long id, @RequestBody UpdateBody body) {
    return tracker.update(id, CurrentUser.get(),
        new ActionUpdate(body.status(), body.evidence(), body.note(), body.version()));
  }

  @ExceptionHandler(ActionNotFoundException.class)
  ProblemDetail notFound(ActionNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
  }

  @ExceptionHandler(ActionConflictException.class)
  ProblemDetail conflict(ActionConflictException e) {
    return problem(HttpStatus.CONFLICT, "Action cannot be updated", e.getMessage());
  }

  @ExceptionHandler(InvalidActionUpdateException.class)
  ProblemDetail invalid(InvalidActionUpdateException e) {
    ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid update", e.getMessage());
    p.setProperty("errors", e.errors().entrySet().stream()
        .map(x -> Map.of("field", x.getKey(), "message", x.getValue())).toList());
    return p;
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setTitle(title);
    p.setType(URI.create("about:blank"));
    return p;
  }
}
