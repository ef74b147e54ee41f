package org.partnershipqa.tasks;

import java.util.Map;
import org.partnershipqa.forms.FormSubmission;

/**
 * A rule on a task's answers that the form's own schema cannot say (e.g. "comments are required when returning"),
 * checked on the server for the pages and the API alike. Features register one as a bean; every check applies.
 */
public interface TaskSubmissionCheck {

  /**
   * Errors by field key for this task's submission, beyond those of the form itself; empty when there are none.
   *
   * @param submission already checked against the form: {@code values()} holds the answers that passed
   */
  Map<String, String> errors(Task task, FormSubmission submission);
}
