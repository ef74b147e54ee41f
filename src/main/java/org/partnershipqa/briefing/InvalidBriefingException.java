package org.partnershipqa.briefing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An edit was refused; nothing was saved. {@code errors} maps a page field ({@code text3}, or {@code panels} and
 * {@code basedOn} for the whole briefing) to its message, in page order.
 */
public class InvalidBriefingException extends RuntimeException {

  private final Map<String, String> errors;

  InvalidBriefingException(Map<String, String> errors) {
    super("The briefing was not saved: " + String.join("; ", errors.values()));
    this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
  }

  public Map<String, String> errors() {
    return errors;
  }
}
