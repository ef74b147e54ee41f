package org.partnershipqa.auditround;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A launch that cannot go ahead; nothing was saved. Errors are keyed by field, e.g. {@code children[2].agencies},
 * in the order they were found (page order), which the error summary keeps.
 */
public class InvalidLaunchException extends RuntimeException {

  private final Map<String, String> errors;

  public InvalidLaunchException(Map<String, String> errors) {
    super("The round cannot be launched: " + String.join("; ", errors.values()));
    this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
  }

  public Map<String, String> errors() {
    return errors;
  }
}
