package org.partnershipqa.action;

import java.util.Map;

/** An update with invalid fields; nothing was changed. */
class InvalidActionUpdateException extends RuntimeException {

  private final Map<String, String> errors;

  InvalidActionUpdateException(Map<String, String> errors) {
    super("The update is not valid; nothing was changed");
    this.errors = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(errors));
  }

  /** Field name to message, in the order of the form's fields. */
  Map<String, String> errors() {
    return errors;
  }
}
