package org.partnershipqa.auditround;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.partnershipqa.people.People;
import org.partnershipqa.briefing.Briefings;
import org.springframework.stereotype.Component;

/** A round's sign-off decisions, as its briefing keeps them, with the names of the people who made them. */
@Component
class SignOffDecisions {

  static final String FORM_KEY = "sign-off";
  static final String RETURN = "return";

  private final Briefings briefings;
  private final People people;

  SignOffDecisions(Briefings briefings, People people) {
    this.briefings = briefings;
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
    return briefings.decisions(AuditRounds.briefingOf(roundId)).stream()
        .map(d -> new Decision(people.displayName(d.getDecidedBy()), d.getDecidedAt(), d.getDecision(),
            text(d.getComments())))
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
