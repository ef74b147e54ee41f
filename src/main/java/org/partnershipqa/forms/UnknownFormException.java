package org.partnershipqa.forms;

/** A process referenced a form key that no loaded form has as its id. */
public class UnknownFormException extends RuntimeException {

  private final String formKey;

  public UnknownFormException(String formKey) {
    super("No form with id '" + formKey + "' is loaded");
    this.formKey = formKey;
  }

  public String formKey() {
    return formKey;
  }
}
