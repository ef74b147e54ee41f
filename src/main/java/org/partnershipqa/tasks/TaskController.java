package org.partnershipqa.tasks;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.partnershipqa.database.DatabaseUnavailable;
import org.partnershipqa.engine.ProcessModels;
import org.partnershipqa.forms.FormDefinition;
import org.partnershipqa.forms.FormSubmission;
import org.partnershipqa.forms.FormValidator;
import org.partnershipqa.people.CurrentUser;
import org.partnershipqa.people.PartnershipUser;
import org.partnershipqa.people.People;
import org.partnershipqa.people.Role;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The task inbox pages: list, open, save a draft, submit (post/redirect/get). A draft or submission the database
 * could not take is shown again with what was typed (503), never half-saved.
 */
@Controller
class TaskController {

  static final String INBOX = "tasks/inbox";
  static final String TASK = "tasks/task";

  private final TaskInbox inbox;
  private final FormValidator validator;
  private final TaskSubmissionChecks checks;
  private final TaskContexts contexts;
  private final ProcessModels processes;
  private final People people;

  TaskController(TaskInbox inbox, FormValidator validator, TaskSubmissionChecks checks, TaskContexts contexts,
      ProcessModels processes, People people) {
    this.inbox = inbox;
    this.validator = validator;
    this.checks = checks;
    this.contexts = contexts;
    this.processes = processes;
    this.people = people;
  }

  @GetMapping("/tasks")
  String inbox(Model model) {
    PartnershipUser user = CurrentUser.get();
    List<Task> open = inbox.openFor(user);
    List<Task> finished = inbox.recentlyFinishedFor(user);
    model.addAttribute("open", open);
    model.addAttribute("finished", finished);
    model.addAttribute("summaries", contexts.summaries(Stream.concat(open.stream(), finished.stream()).toList(), user));
    model.addAttribute("now", Instant.now());
    return INBOX;
  }

  @GetMapping("/tasks/{id}")
  String show(@PathVariable long id, Model model, HttpSession session) {
    PartnershipUser user = CurrentUser.get();
    Task task = inbox.view(id, user);
    FormDefinition form = inbox.formOf(task);
    RecentTaskPages.remember(session, task, form);
    withContext(model, task, user);
    return render(model, task, form, task.getAnswers(), Map.of(), true);
  }

  @PostMapping("/tasks/{id}")
  String post(@PathVariable long id, @RequestParam MultiValueMap<String, String> params,
      @RequestParam(defaultValue = "submit") String action, Model model, RedirectAttributes redirect,
      HttpServletResponse response, HttpSession session) {
    try {
      return answer(id, params, action, model, redirect, response);
    } catch (RuntimeException e) {
      // the database cannot be reached: nothing was saved (one transaction); show the form again with what was
      // typed, from the page this session was shown, so it is not lost. Without such a page: the 503 page.
      Optional<RecentTaskPages.Page> shown =
          DatabaseUnavailable.isCauseOf(e) ? RecentTaskPages.find(session, id) : Optional.empty();
      if (shown.isEmpty()) {
        throw e;
      }
      RecentTaskPages.Page page = shown.get();
      response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
      response.setHeader("Retry-After", "60");
      model.addAttribute("problem", DatabaseUnavailable.MESSAGE + " What you typed is still in the form below.");
      FormSubmission typed = validator.fromHtml(page.form(), params);
      return render(model, page.task(), page.form(),
          validator.redisplayValues(page.form(), page.task().getAnswers(), typed), Map.of(), false);
    }
  }

  private String answer(long id, MultiValueMap<String, String> params, String action, Model model,
      RedirectAttributes redirect, HttpServletResponse response) {
    PartnershipUser user = CurrentUser.get();
    Task task = inbox.find(id, user);
    FormDefinition form = inbox.formOf(task);
    FormSubmission submission = validator.fromHtml(form, params);
    try {
      if ("draft".equals(action)) {
        inbox.saveDraft(id, user, submission.raw());
        redirect.addFlashAttribute("notice", "Your draft has been saved. You can come back to it later.");
        return "redirect:/tasks/" + id;
      }
      task.requireOpen();
      submission = checks.apply(task, form, submission);
      if (!submission.valid()) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        withContext(model, task, user);
        return render(model, task, form, validator.redisplayValues(form, task.getAnswers(), submission),
            submission.errors(), false);
      }
      inbox.submit(id, user, submission);
      return "redirect:/tasks/" + id;
    } catch (TaskNotOpenException e) {
      response.setStatus(HttpStatus.CONFLICT.value());
      model.addAttribute("problem", e.getMessage());
      withContext(model, task, user);
      return render(model, inbox.view(id, user), form, task.getAnswers(), Map.of(), true);
    }
  }

  /** What the feature owning the task's process shows above the form (not on the database-outage page). */
  private void withContext(Model model, Task task, PartnershipUser user) {
    contexts.contextFor(task, user).ifPresent(c -> model.addAttribute("taskContext", c));
  }

  /** Role labels and agency names; while the database is down (a form shown again with what was typed), codes. */
  private List<String> groupNames(Task task) {
    try {
      return task.getCandidateGroups().stream().map(people::groupName).toList();
    } catch (RuntimeException e) {
      if (!DatabaseUnavailable.isCauseOf(e)) {
        throw e;
      }
      return task.getCandidateGroups().stream()
          .map(code -> Role.fromCode(code).map(Role::label).orElse(code)).toList();
    }
  }

  private String render(Model model, Task task, FormDefinition form, Map<String, Object> values,
      Map<String, String> errors, boolean applyDefaults) {
    model.addAttribute("task", task);
    // words, not codes: the process's name, the role or agency a task is for
    model.addAttribute("processName", processes.processName(task.getBpmnProcessId()).orElse(task.getBpmnProcessId()));
    model.addAttribute("groupNames", groupNames(task));
    model.addAttribute("form", form);
    model.addAttribute("values", applyDefaults && task.getState().isOpenForAnswers()
        ? validator.initialValues(form, values) : values);
    model.addAttribute("errors", errors);
    model.addAttribute("now", Instant.now());
    return TASK;
  }
}
