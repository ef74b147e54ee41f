package org.partnershipqa.forms;

/** A form file that cannot be used: invalid JSON, an unsupported component or attribute, or a duplicate id. */
public class FormDefinitionException extends RuntimeException {

  public FormDefinitionException(String message) {
    super(message);
  }

  public FormDefinitionException(String message, Throwable cause) {
    super(message, cause);
  }
}
