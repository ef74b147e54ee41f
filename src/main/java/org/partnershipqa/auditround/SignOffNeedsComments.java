package org.partnershipqa.auditround;

import java.util.Map;
import org.partnershipqa.forms.FormSubmission;
import org.partnershipqa.tasks.Task;
import org.partnershipqa.tasks.TaskSubmissionCheck;
import org.springframework.stereotype.Component;

/**
 * Returning findings and briefing to the QA lead without saying what to change is refused: the comments are what
 * the QA lead works from. Keyed on the sign-off form, wherever its task sits in a process.
 */
@Component
class SignOffNeedsComments implements TaskSubmissionCheck {

  static final String MESSAGE =
      "Enter comments saying what needs to change before the findings and briefing can be approved";

  @Override
  public Map<String, String> errors(Task task, FormSubmission submission) {
    if (!SignOffDecisions.FORM_KEY.equals(task.getFormKey())) {
      return Map.of();
    }
    Object decision = submission.values().get("signOffDecision");
    Object comments = submission.values().get("signOffComments");
    boolean blank = comments == null || comments.toString().isBlank();
    return SignOffDecisions.RETURN.equals(decision) && blank ? Map.of("signOffComments", MESSAGE) : Map.of();
  }
}
