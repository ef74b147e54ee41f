package org.partnershipqa.forms;

import java.util.Arrays;
import java.util.Optional;

/** The form-js component types this module can render and validate. */
public enum FieldType {
  TEXTFIELD("textfield", true),
  TEXTAREA("textarea", true),
  NUMBER("number", true),
  SELECT("select", true),
  RADIO("radio", true),
  CHECKBOX("checkbox", true),
  CHECKLIST("checklist", true),
  /** form-js {@code datetime} with {@code subtype: "date"}; time and date-time subtypes are not supported. */
  DATE("datetime", true),
  /** Static text (form-js {@code text}). */
  TEXT("text", false),
  GROUP("group", false),
  SEPARATOR("separator", false),
  SPACER("spacer", false);

  private final String formJsType;
  private final boolean input;

  FieldType(String formJsType, boolean input) {
    this.formJsType = formJsType;
    this.input = input;
  }

  /** The {@code type} value in the form JSON. */
  public String formJsType() {
    return formJsType;
  }

  /** Whether the component binds a value to its {@code key}. */
  public boolean isInput() {
    return input;
  }

  /** Whether the component offers a fixed list of {@link Option}s. */
  public boolean hasOptions() {
    return this == SELECT || this == RADIO || this == CHECKLIST;
  }

  static Optional<FieldType> fromFormJs(String type) {
    return Arrays.stream(values()).filter(t -> t.formJsType.equals(type)).findFirst();
  }

  static String supportedList() {
    return String.join(", ", Arrays.stream(values()).map(FieldType::formJsType).toList());
  }
}
