package org.partnershipqa.briefing;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import org.partnershipqa.tasks.TaskDirectory;
import org.springframework.stereotype.Component;

/**
 * The automated steps of a briefing's sign-off ({@code bpmn/briefing-sign-off.bpmn}): one job type, one method.
 * The process carries {@code subjectType} and {@code subjectId}; the decision's comments and who made it are read
 * from the latest submitted {@code signOff} task of that subject.
 */
@Component
public class BriefingWorkers {

  static final String SIGN_OFF_ELEMENT = "signOff";

  private final Briefings briefings;
  private final TaskDirectory tasks;

  BriefingWorkers(Briefings briefings, TaskDirectory tasks) {
    this.briefings = briefings;
    this.tasks = tasks;
  }

  @JobWorker(type = "briefing.record-decision", fetchVariables = {"subjectType", "subjectId", "signOffDecision"})
  public void recordDecision(@Variable String subjectType, @Variable String subjectId,
      @Variable String signOffDecision, ActivatedJob job) {
    TaskDirectory.Submission signOff = tasks.latestSubmission(subjectType, subjectId, null, SIGN_OFF_ELEMENT, null)
        .orElseThrow(() -> new IllegalStateException("No sign-off submitted for " + subjectType + " " + subjectId));
    Object comments = signOff.answers().get("signOffComments");
    briefings.recordDecision(subjectType, subjectId, signOffDecision, comments == null ? "" : comments.toString(),
        signOff.submittedBy(), "job-" + job.getKey());
  }

  @JobWorker(type = "briefing.publish", fetchVariables = {"subjectType", "subjectId"})
  public void publish(@Variable String subjectType, @Variable String subjectId) {
    briefings.publish(subjectType, subjectId);
  }
}
