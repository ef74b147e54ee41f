package org.partnershipqa.auditround;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.partnershipqa.people.People;
import org.partnershipqa.tasks.TaskDirectory;
import org.springframework.stereotype.Component;

/**
 * A round's sign-off decisions as the PQA sub-group submitted them on its sign-off tasks. Read from the tasks by
 * form key, so it holds wherever the sign-off step lives in the process.
 */
@Component
class SignOffDecisions {

  static final String FORM_KEY = "sign-off";
  static final String RETURN = "return";

  private final TaskDirectory tasks;
  private final People people;

  SignOffDecisions(TaskDirectory tasks, People people) {
    this.tasks = tasks;
    this.people = people;
  }

  /** One decision: who (their name), when, approve or return, and the comments. */
  public record Decision(String by, Instant at, String decision, String comments) {
    public boolean returned() {
      return RETURN.equals(decision);
    }
  }

  /** Oldest first. */
  List<Decision> of(long roundId) {
    return tasks.submissions(AuditRounds.SUBJECT_TYPE, String.valueOf(roundId), FORM_KEY).stream()
        .map(s -> new Decision(people.displayName(s.submittedBy()), s.submittedAt(),
            text(s.answers().get("signOffDecision")), text(s.answers().get("signOffComments"))))
        .toList();
  }

  /** The latest return to the QA lead, with its comments. */
  Optional<Decision> lastReturn(long roundId) {
    return of(roundId).stream().filter(Decision::returned).reduce((first, second) -> second);
  }

  private static String text(Object o) {
    return o == null || o.toString().isBlank() ? null : o.toString().trim();
  }
}
