package org.partnershipqa.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.NoSuchElementException;
import org.partnershipqa.tasks.TaskNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Friendly pages for errors a person can meet in normal use. What no controller answers goes to
 * {@link ErrorPages}.
 */
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

  @ExceptionHandler(TaskNotFoundException.class)
  String notFound(TaskNotFoundException e, Model model, HttpServletResponse response) {
    response.setStatus(HttpStatus.NOT_FOUND.value());
    model.addAttribute("title", "Page not found");
    model.addAttribute("message", "We could not find that task among yours. It may belong to another agency, or the link may be wrong.");
    return "error/problem";
  }

  /** A round, child or other record that does not exist (or not any more): the link is wrong. */
  @ExceptionHandler(NoSuchElementException.class)
  String notFound(NoSuchElementException e, Model model, HttpServletResponse response) {
    response.setStatus(HttpStatus.NOT_FOUND.value());
    model.addAttribute("title", "Page not found");
    model.addAttribute("message", "We could not find what this link points to. The link may be wrong or out of date.");
    return "error/problem";
  }
}
