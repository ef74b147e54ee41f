package org.partnershipqa.tasks;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.time.Duration;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.partnershipqa.engine.ProcessModels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Takes every BPMN user task from the engine and records it as a task in the inbox.
 *
 * <p>Together with {@link UserTaskCompleter} this is the one adapter for Camunda's job-worker user tasks (the
 * embedded engine has no REST API, so Camunda user tasks cannot run there).
 *
 * <p>Human work lasts weeks, longer than any job time-out. That is safe: the engine completes a job that is
 * activated or activatable again after a time-out (checked in Zeebe 8.8's JobCompleteProcessor), and each time
 * the job is handed out again it is recorded once, by job key, so the task, its id and its draft stay as they
 * are. A job activated just before a crash but never recorded is handed out again at the next start
 * (embedded engine: {@link org.partnershipqa.engine.HeldJobKeeper}, {@link RecordedUserTasks}); against a
 * cluster, where other instances may hold jobs, the hour-long time-out brings it back.
 */
@Component
public class UserTaskJobWorker {

  static final String JOB_TYPE = "io.camunda.zeebe:userTask";
  static final String CANDIDATE_GROUPS = "io.camunda.zeebe:candidateGroups";
  static final String FORM_KEY = "io.camunda.zeebe:formKey";
  static final String DUE_DATE = "io.camunda.zeebe:dueDate";
  /** Against a cluster, re-offers a job activated but not recorded (a crash in between) within the hour. */
  static final long TIMEOUT_MS = 60L * 60 * 1000;

  private static final Logger log = LoggerFactory.getLogger(UserTaskJobWorker.class);

  private final TaskRecorder recorder;
  private final ProcessModels models;
  private final ObjectMapper json;
  private final Duration retryBackoff;

  UserTaskJobWorker(TaskRecorder recorder, ProcessModels models, ObjectMapper json,
      @Value("${partnershipqa.database.outage-retry-backoff:PT15S}") Duration retryBackoff) {
    this.recorder = recorder;
    this.models = models;
    this.json = json;
    this.retryBackoff = retryBackoff;
  }

  @JobWorker(type = JOB_TYPE, autoComplete = false, timeout = TIMEOUT_MS,
      fetchVariables = {"subjectType", "subjectId", "caseReference", "taskName", "formKey"})
  public void record(ActivatedJob job, JobClient jobs) {
    try {
      NewTask task = toNewTask(job);
      if (recorder.record(task)) {
        log.info("Recorded task '{}' (job {}) for {}", task.name(), task.jobKey(), task.candidateGroups());
      }
    } catch (RuntimeException e) {
      // e.g. the database is down: hand the job back unchanged, to be offered again after a pause. Retries
      // are not used up, so a long outage does not end in an incident.
      log.warn("Could not record user task job {}: {}; it will be offered again", job.getKey(), e.getMessage());
      jobs.newFailCommand(job).retries(Math.max(job.getRetries(), 1)).retryBackoff(retryBackoff)
          .errorMessage("Task inbox could not record the task: " + e.getMessage()).send();
    }
  }

  NewTask toNewTask(ActivatedJob job) {
    Map<String, String> headers = job.getCustomHeaders();
    Map<String, Object> vars = job.getVariablesAsMap();
    // a called process shared by several callers (e.g. agency requests) names its task and form per call
    String name = text(vars.get("taskName"));
    if (name == null || name.isBlank()) {
      name = models.elementName(job.getBpmnProcessId(), job.getElementId()).orElse(job.getElementId());
    }
    return new NewTask(job.getKey(), job.getProcessInstanceKey(), job.getProcessDefinitionKey(),
        job.getBpmnProcessId(), job.getElementId(), job.getElementInstanceKey(), name, formKey(headers, vars),
        groups(headers.get(CANDIDATE_GROUPS)), dueAt(headers.get(DUE_DATE)), text(vars.get("subjectType")),
        text(vars.get("subjectId")), text(vars.get("caseReference")));
  }

  /**
   * The form key header. The engine does not evaluate a job-worker form key, so a called process shared by several
   * callers writes {@code =name} and the key is read from that variable (agency requests: {@code =formKey}).
   */
  private static String formKey(Map<String, String> headers, Map<String, Object> vars) {
    String header = headers.get(FORM_KEY);
    if (header != null && header.startsWith("=")) {
      return text(vars.get(header.substring(1).strip()));
    }
    return header;
  }

  private List<String> groups(String header) {
    if (header == null || header.isBlank()) {
      return List.of();
    }
    try {
      return json.readValue(header, new TypeReference<List<String>>() {});
    } catch (IOException e) {
      throw new IllegalArgumentException("Candidate groups header is not a JSON list: " + header, e);
    }
  }

  private static Instant dueAt(String header) {
    return header == null || header.isBlank() ? null : OffsetDateTime.parse(header).toInstant();
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
