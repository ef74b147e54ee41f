package org.partnershipqa.tasks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.partnershipqa.forms.FormDefinition;
import org.partnershipqa.forms.FormField;
import org.partnershipqa.forms.FormSubmission;
import org.springframework.stereotype.Component;

/** Applies the features' {@link TaskSubmissionCheck}s to a submission the form itself has checked. */
@Component
class TaskSubmissionChecks {

  private final List<TaskSubmissionCheck> checks;

  TaskSubmissionChecks(List<TaskSubmissionCheck> checks) {
    this.checks = checks;
  }

  /** The submission with the checks' errors added (a field keeps its own error first), in form order. */
  FormSubmission apply(Task task, FormDefinition form, FormSubmission submission) {
    Map<String, String> extra = new LinkedHashMap<>();
    checks.forEach(c -> c.errors(task, submission).forEach(extra::putIfAbsent));
    if (extra.isEmpty()) {
      return submission;
    }
    Map<String, String> errors = new LinkedHashMap<>();
    for (FormField field : form.inputs()) {
      String error = submission.errors().getOrDefault(field.key(), extra.get(field.key()));
      if (error != null) {
        errors.put(field.key(), error);
      }
    }
    extra.forEach(errors::putIfAbsent); // a check naming no field of the form still refuses the submission
    Map<String, Object> values = new LinkedHashMap<>(submission.values());
    values.keySet().removeAll(errors.keySet());
    return new FormSubmission(values, errors, submission.raw());
  }
}
