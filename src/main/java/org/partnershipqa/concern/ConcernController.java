package org.partnershipqa.concern;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.partnershipqa.people.CurrentUser;
import org.partnershipqa.people.People;
import org.partnershipqa.tasks.Task;
import org.partnershipqa.tasks.TaskInbox;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "A child may be at risk of harm now": raised from a task about a child. */
@Controller
class ConcernController {

  private final TaskInbox inbox;
  private final Concerns concerns;
  private final People people;

  ConcernController(TaskInbox inbox, Concerns concerns, People people) {
    this.inbox = inbox;
    this.concerns = concerns;
    this.people = people;
  }

  @GetMapping("/tasks/{id}/concern")
  String form(@PathVariable long id, Model model) {
    model.addAttribute("task", inbox.view(id, CurrentUser.get()));
    return "concern/raise";
  }

  @PostMapping("/tasks/{id}/concern")
  String raise(@PathVariable long id, @RequestParam(defaultValue = "") String description, Model model,
      RedirectAttributes redirect, HttpServletResponse response) {
    Task task = inbox.find(id, CurrentUser.get());
    if (description.isBlank() || description.length() > 4000) {
      response.setStatus(400);
      model.addAttribute("task", task);
      model.addAttribute("description", description);
      model.addAttribute("error", description.isBlank()
          ? "Describe why the child may be at risk of harm now" : "Description must be 4000 characters or fewer");
      return "concern/raise";
    }
    SafeguardingConcern concern = concerns.raise(task, description, CurrentUser.get());
    redirect.addFlashAttribute("notice", "Your concern has been raised and sent to the QA lead and the lead agency. "
        + "They must respond within one working day. If the child is in immediate danger, call 999.");
    return "redirect:/tasks/" + id;
  }

  @GetMapping("/concerns")
  @PreAuthorize("hasAnyRole('QA_LEAD', 'PQA_MEMBER')")
  String list(Model model) {
    model.addAttribute("concerns", concerns.all());
    Map<String, String> agencyNames = new LinkedHashMap<>(); // words, not codes
    people.activeAgencies().forEach(a -> agencyNames.put(a.getCode(), a.getName()));
    model.addAttribute("agencyNames", agencyNames);
    return "concern/list";
  }
}
