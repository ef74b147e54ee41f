package org.partnershipqa.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The GOV.UK date input: separate day, month and year boxes, checked as the design system recommends. */
final class DateInput {

  private static final Pattern DAY_OR_MONTH = Pattern.compile("\\d{1,2}");
  private static final Pattern YEAR = Pattern.compile("\\d{4}");

  private DateInput() {}

  static Answer read(FormField field, String day, String month, String year) {
    String d = day == null ? "" : day.strip();
    String m = month == null ? "" : month.strip();
    String y = year == null ? "" : year.strip();
    if (d.isEmpty() && m.isEmpty() && y.isEmpty()) {
      return Answer.of(null);
    }
    List<String> missing = new ArrayList<>();
    if (d.isEmpty()) {
      missing.add("day");
    }
    if (m.isEmpty()) {
      missing.add("month");
    }
    if (y.isEmpty()) {
      missing.add("year");
    }
    if (!missing.isEmpty()) {
      return Answer.invalid(Messages.must(field, "include a " + String.join(" and ", missing)));
    }
    if (!DAY_OR_MONTH.matcher(d).matches() || !DAY_OR_MONTH.matcher(m).matches()) {
      return Answer.invalid(Messages.realDate(field));
    }
    if (!YEAR.matcher(y).matches()) {
      return Answer.invalid(Messages.must(field, "include a year with 4 numbers"));
    }
    return DateValues.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d))
        .map(Answer::of)
        .orElseGet(() -> Answer.invalid(Messages.realDate(field)));
  }
}
