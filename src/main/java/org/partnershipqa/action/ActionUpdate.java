package org.partnershipqa.action;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a person sends to update an action, from the page or the API.
 *
 * @param status a settable status's name ({@code NOT_STARTED}, {@code ONGOING}, {@code COMPLETED})
 * @param evidence evidence of completion; required when completed
 * @param note why, for the history
 * @param version the version the person saw, if known: a stale one is refused rather than overwriting a change
 */
record ActionUpdate(String status, String evidence, String note, Long version) {

  static final int EVIDENCE_MAX = 4000;
  static final int NOTE_MAX = 2000;

  /** Field errors in the order of the form's fields; empty when valid. */
  Map<String, String> errors(Action current) {
    Map<String, String> errors = new LinkedHashMap<>();
    ActionStatus wanted = ActionStatus.parse(status).filter(ActionStatus.SETTABLE::contains).orElse(null);
    if (wanted == null) {
      errors.put("status", blank(status) ? "Select the action's status" : "Select Not started, Ongoing or Completed");
    }
    if (wanted == ActionStatus.COMPLETED && blank(evidence)) {
      errors.put("evidence", "Enter the evidence that the action is completed");
    } else if (length(evidence) > EVIDENCE_MAX) {
      errors.put("evidence", "Evidence of completion must be " + EVIDENCE_MAX + " characters or fewer");
    }
    if (length(note) > NOTE_MAX) {
      errors.put("note", "Note must be " + NOTE_MAX + " characters or fewer");
    }
    if (errors.isEmpty() && wanted == current.getStatus()
        && java.util.Objects.equals(trimmed(evidence), current.getEvidence()) && blank(note)) {
      errors.put("status", "Change the status or the evidence of completion, or add a note");
    }
    return errors;
  }

  ActionStatus newStatus() {
    return ActionStatus.parse(status).orElseThrow();
  }

  String trimmedEvidence() {
    return trimmed(evidence);
  }

  String trimmedNote() {
    return trimmed(note);
  }

  private static String trimmed(String s) {
    return blank(s) ? null : s.strip();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static int length(String s) {
    return s == null ? 0 : s.strip().codePointCount(0, s.strip().length());
  }
}
