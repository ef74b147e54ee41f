package org.partnershipqa.action;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where an action stands. "Overdue" is not a status of its own: it is derived (due date passed, not completed) and
 * shown beside the status, see {@link ActionView#overdue()}.
 */
public enum ActionStatus {
  /** Agreed (e.g. at a multi-agency discussion) but not yet signed off: not tracked yet. */
  PROPOSED("Proposed", "govuk-tag--purple"),
  NOT_STARTED("Not started", "govuk-tag--grey"),
  ONGOING("Ongoing", "govuk-tag--blue"),
  COMPLETED("Completed", "govuk-tag--green");

  private final String label;
  private final String tagClass;

  ActionStatus(String label, String tagClass) {
    this.label = label;
    this.tagClass = tagClass;
  }

  public String label() {
    return label;
  }

  /** The GOV.UK tag colour the pages show it in. */
  public String tagClass() {
    return tagClass;
  }

  /** The statuses a person can set on a tracked action. */
  static final java.util.List<ActionStatus> SETTABLE = java.util.List.of(NOT_STARTED, ONGOING, COMPLETED);

  static Optional<ActionStatus> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String wanted = name.trim().replace('-', '_').replace(' ', '_');
    return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(wanted)).findFirst();
  }
}
