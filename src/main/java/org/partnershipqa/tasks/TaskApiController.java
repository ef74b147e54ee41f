package org.partnershipqa.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.partnershipqa.forms.FormDefinition;
import org.partnershipqa.forms.FormSubmission;
import org.partnershipqa.forms.FormValidator;
import org.partnershipqa.people.CurrentUser;
import org.partnershipqa.people.PartnershipUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The task inbox as JSON: the same actions as the pages, the same checks. */
@RestController
@RequestMapping("/api/tasks")
class TaskApiController {

  private final TaskInbox inbox;
  private final FormValidator validator;
  private final TaskSubmissionChecks checks;
  private final TaskContexts contexts;
  private final ObjectMapper json;

  TaskApiController(TaskInbox inbox, FormValidator validator, TaskSubmissionChecks checks, TaskContexts contexts,
      ObjectMapper json) {
    this.inbox = inbox;
    this.validator = validator;
    this.checks = checks;
    this.contexts = contexts;
    this.json = json;
  }

  /** @param context what the task is about, in one line, as the feature owning its process says (or null) */
  record TaskSummary(long id, String name, String process, String element, TaskState state, Instant dueAt,
      Instant createdAt, String subjectType, String subjectId, String caseReference, String formKey,
      List<String> candidateGroups, String context) {

    static TaskSummary of(Task t, String context) {
      return new TaskSummary(t.getId(), t.getName(), t.getBpmnProcessId(), t.getElementId(), t.getState(),
          t.getDueAt(), t.getCreatedAt(), t.getSubjectType(), t.getSubjectId(), t.getCaseReference(),
          t.getFormKey(), t.getCandidateGroups(), context);
    }
  }

  record TaskDetail(TaskSummary task, JsonNode form, Map<String, Object> answers, Instant draftSavedAt,
      String submittedBy, Instant submittedAt, Instant completedAt, String closedReason) {}

  record SubmissionAccepted(long id, TaskState state, String message) {}

  @GetMapping
  List<TaskSummary> mine() {
    PartnershipUser user = CurrentUser.get();
    List<Task> open = inbox.openFor(user);
    Map<Long, String> summaries = contexts.summaries(open, user);
    return open.stream().map(t -> TaskSummary.of(t, summaries.get(t.getId()))).toList();
  }

  @GetMapping("/{id}")
  TaskDetail one(@PathVariable long id) throws IOException {
    PartnershipUser user = CurrentUser.get();
    Task task = inbox.view(id, user);
    FormDefinition form = inbox.formOf(task);
    String context = contexts.summaryFor(task, user).orElse(null);
    return new TaskDetail(TaskSummary.of(task, context), json.readTree(form.json()), task.getAnswers(),
        task.getDraftSavedAt(), task.getSubmittedBy(), task.getSubmittedAt(), task.getCompletedAt(),
        task.getClosedReason());
  }

  /** Validates and stores the answers, then queues them for the engine (202: accepted, not yet confirmed). */
  @PostMapping("/{id}/submission")
  ResponseEntity<?> submit(@PathVariable long id, @RequestBody Map<String, Object> answers) {
    PartnershipUser user = CurrentUser.get();
    Task task = inbox.find(id, user);
    task.requireOpen();
    FormDefinition form = inbox.formOf(task);
    FormSubmission submission = checks.apply(task, form, validator.fromJson(form, answers));
    if (!submission.valid()) {
      return ResponseEntity.badRequest().body(invalid(submission));
    }
    Task submitted = inbox.submit(id, user, submission);
    return ResponseEntity.accepted().body(new SubmissionAccepted(submitted.getId(), submitted.getState(),
        "Answers saved and queued for the workflow engine"));
  }

  @PostMapping("/{id}/draft")
  ResponseEntity<?> draft(@PathVariable long id, @RequestBody Map<String, Object> answers) {
    PartnershipUser user = CurrentUser.get();
    Task task = inbox.find(id, user);
    FormSubmission submission = validator.fromJson(inbox.formOf(task), answers);
    Task saved = inbox.saveDraft(id, user, submission.raw());
    return ResponseEntity.ok(new SubmissionAccepted(saved.getId(), saved.getState(), "Draft saved"));
  }

  private static ProblemDetail invalid(FormSubmission submission) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "The answers are not valid; nothing was submitted");
    problem.setTitle("Invalid answers");
    problem.setType(URI.create("urn:partnershipqa:problem:invalid-answers"));
    problem.setProperty("errors", submission.errors().entrySet().stream()
        .map(e -> Map.of("field", e.getKey(), "message", e.getValue())).toList());
    return problem;
  }
}
