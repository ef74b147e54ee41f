package org.partnershipqa.action;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.partnershipqa.people.CurrentUser;
import org.partnershipqa.people.PartnershipUser;
import org.partnershipqa.people.People;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The actions pages: a list (an agency's for its auditors, the partnership's for the QA lead and PQA members) and
 * one action with its history and the update form (post/redirect/get; a rejected update keeps what was typed).
 */
@Controller
class ActionController {

  static final String LIST = "action/list";
  static final String ACTION = "action/action";

  private final ActionTracker tracker;
  private final People people;

  ActionController(ActionTracker tracker, People people) {
    this.tracker = tracker;
    this.people = people;
  }

  @GetMapping("/actions")
  String list(@RequestParam(required = false) String agency, @RequestParam(required = false) String status,
      Model model) {
    PartnershipUser user = CurrentUser.get();
    ActionTracker.Filter filter;
    try {
      filter = ActionTracker.Filter.of(agency, status);
    } catch (IllegalArgumentException e) {
      filter = ActionTracker.Filter.of(agency, null); // a filter link edited by hand: show all statuses
    }
    model.addAttribute("actions", tracker.list(user, filter));
    model.addAttribute("filter", filter);
    model.addAttribute("seesAll", ActionAccess.seesAll(user));
    model.addAttribute("agencies", people.activeAgencies());
    model.addAttribute("statuses", ActionStatus.values());
    return LIST;
  }

  @GetMapping("/actions/{id}")
  String show(@PathVariable long id, Model model) {
    ActionTracker.Detail detail = tracker.view(id, CurrentUser.get());
    Map<String, String> values = new LinkedHashMap<>();
    values.put("status", detail.action().status().name());
    values.put("evidence", detail.action().evidence());
    return render(model, detail, values, Map.of());
  }

  @PostMapping("/actions/{id}")
  String update(@PathVariable long id, @RequestParam Map<String, String> form, Model model,
      RedirectAttributes redirect, HttpServletResponse response) {
    PartnershipUser user = CurrentUser.get();
    ActionUpdate update = new ActionUpdate(form.get("status"), form.get("evidence"), form.get("note"),
        version(form.get("version")));
    try {
      tracker.update(id, user, update);
      redirect.addFlashAttribute("notice", "The action has been updated.");
      return "redirect:/actions/" + id;
    } catch (InvalidActionUpdateException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return render(model, tracker.view(id, user), form, e.errors());
    } catch (ActionConflictException e) {
      response.setStatus(HttpStatus.CONFLICT.value());
      model.addAttribute("problem", e.getMessage());
      return render(model, tracker.view(id, user), form, Map.of());
    }
  }

  @ExceptionHandler(ActionNotFoundException.class)
  String notFound(Model model, HttpServletResponse response) {
    response.setStatus(HttpStatus.NOT_FOUND.value());
    model.addAttribute("title", "Page not found");
    model.addAttribute("message", "We could not find that action among yours. It may be led by another agency, "
        + "or the link may be wrong.");
    return "error/problem";
  }

  private String render(Model model, ActionTracker.Detail detail, Map<String, String> values,
      Map<String, String> errors) {
    model.addAttribute("d", detail);
    model.addAttribute("values", values);
    model.addAttribute("errors", errors);
    model.addAttribute("settable", ActionStatus.SETTABLE);
    return ACTION;
  }

  private static Long version(String value) {
    try {
      return value == null || value.isBlank() ? null : Long.valueOf(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
