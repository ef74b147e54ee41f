package org.partnershipqa.auditround;

import java.util.Map;

/** A launch that cannot go ahead; nothing was saved. Errors are keyed by field, e.g. {@code children[2].agencies}. */
public class InvalidLaunchException extends RuntimeException {

  private final Map<String, String> errors;

  public InvalidLaunchException(Map<String, String> errors) {
    super("The round cannot be launched: " + String.join("; ", errors.values()));
    this.errors = Map.copyOf(errors);
  }

  public Map<String, String> errors() {
    return errors;
  }
}
