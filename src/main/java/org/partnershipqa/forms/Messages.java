package org.partnershipqa.forms;

import java.math.BigDecimal;
import java.util.Locale;

/** Error messages in the GOV.UK Design System style, built from the field label. */
final class Messages {

  private Messages() {}

  static String enter(FormField f) {
    return "Enter " + lowerName(f);
  }

  static String select(FormField f) {
    return "Select " + lowerName(f);
  }

  static String required(FormField f) {
    return switch (f.type()) {
      case SELECT, RADIO, CHECKLIST -> select(f);
      case CHECKBOX -> confirm(f);
      default -> enter(f);
    };
  }

  /**
   * A box that must be ticked states something the person confirms, so the message asks them to confirm it:
   * "The findings are ready" gives "Confirm that the findings are ready", "I confirm the audit is complete" gives
   * "Confirm the audit is complete", "I have read the policy" gives "Confirm that you have read the policy".
   */
  static String confirm(FormField f) {
    String name = name(f);
    if (name.matches("(?i)I confirm\\b.*")) {
      return "Confirm" + name.substring("I confirm".length());
    }
    if (name.matches("I\\b.*")) {
      return "Confirm that you" + name.substring(1);
    }
    return "Confirm that " + lowerName(f);
  }

  static String invalidOption(FormField f) {
    return "Select a valid option for " + lowerName(f);
  }

  static String must(FormField f, String rule) {
    return name(f) + " must " + rule;
  }

  static String notNumber(FormField f) {
    return must(f, "be a number");
  }

  static String atLeast(FormField f, BigDecimal min) {
    return must(f, "be " + NumberValues.display(min) + " or more");
  }

  static String atMost(FormField f, BigDecimal max) {
    return must(f, "be " + NumberValues.display(max) + " or less");
  }

  static String realDate(FormField f) {
    return must(f, "be a real date");
  }

  static String wrongFormat(FormField f, String example) {
    return "Enter " + lowerName(f) + " in the correct format" + (example == null ? "" : ", like " + example);
  }

  /** The label without trailing punctuation, so it reads inside a sentence. */
  static String name(FormField f) {
    return f.label().strip().replaceAll("[\\s:?*.]+$", "");
  }

  /**
   * "Date of birth" becomes "date of birth" after "Enter"; a first word in capitals ("NHS number", "I confirm")
   * keeps its case.
   */
  static String lowerName(FormField f) {
    String name = name(f);
    String firstWord = name.split("\\s+", 2)[0];
    if (name.isEmpty() || firstWord.equals(firstWord.toUpperCase(Locale.ROOT))) {
      return name;
    }
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }
}
