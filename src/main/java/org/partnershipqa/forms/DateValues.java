package org.partnershipqa.forms;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/** Dates are exchanged as ISO yyyy-MM-dd strings, the format form-js writes for date fields. */
final class DateValues {

  private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private DateValues() {}

  static Optional<LocalDate> parseIso(String text) {
    if (text == null || !ISO.matcher(text).matches()) {
      return Optional.empty();
    }
    return of(
        Integer.parseInt(text.substring(0, 4)),
        Integer.parseInt(text.substring(5, 7)),
        Integer.parseInt(text.substring(8, 10)));
  }

  static Optional<LocalDate> of(int year, int month, int day) {
    try {
      return Optional.of(LocalDate.of(year, month, day));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
