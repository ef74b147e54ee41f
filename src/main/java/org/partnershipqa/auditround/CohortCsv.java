package org.partnershipqa.auditround;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads children as comma-separated lines, {@code case_reference,age,sex,ethnicity,plan_type,agencies} with agency
 * codes separated by semicolons: an uploaded cohort (header line first) or the children a QA lead types (header
 * optional). Only these columns are accepted (no names or other identifying data). Every problem, an unknown agency
 * code or a case reference that is not one included, is reported on the line that has it, numbered as the person
 * sees the text, and nothing is taken.
 */
final class CohortCsv {

  static final List<String> COLUMNS = List.of("case_reference", "age", "sex", "ethnicity", "plan_type", "agencies");

  private CohortCsv() {}

  /**
   * A cohort file: the header line, then one child per line.
   *
   * @param field the form field the text came from; errors are keyed {@code field} and {@code field.line<n>}
   * @param knownAgency whether an agency code names an active agency
   */
  static List<ChildFacts> parse(String text, String field, Predicate<String> knownAgency) {
    return read(text, field, knownAgency, true);
  }

  /** Children typed in a box: one per line, the header line optional. */
  static List<ChildFacts> parseEntered(String text, String field, Predicate<String> knownAgency) {
    return read(text, field, knownAgency, false);
  }

  private static List<ChildFacts> read(String text, String field, Predicate<String> knownAgency,
      boolean headerRequired) {
    Map<String, String> errors = new LinkedHashMap<>(); // in line order, as the summary shows them
    List<ChildFacts> children = new ArrayList<>();
    List<String> lines = (text == null ? "" : text.replace("\uFEFF", "")).lines().toList();
    boolean headerSeen = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int number = i + 1;
      if (line.isBlank()) {
        continue;
      }
      if (!headerSeen && (headerRequired || line.strip().toLowerCase().startsWith(COLUMNS.getFirst()))) {
        headerSeen = true;
        List<String> columns = Arrays.stream(line.split(",", -1)).map(c -> c.trim().toLowerCase()).toList();
        if (!columns.equals(COLUMNS)) {
          throw new InvalidLaunchException(Map.of(field, "Line " + number + ": the columns must be exactly "
              + String.join(",", COLUMNS) + " (only case references and non-identifying facts are accepted)"));
        }
        continue;
      }
      headerSeen = true;
      String key = field + ".line" + number;
      String[] cells = line.split(",", -1);
      if (cells.length != COLUMNS.size()) {
        errors.put(key, "Line " + number + ": expected " + COLUMNS.size() + " values, found " + cells.length);
        continue;
      }
      if (!LaunchValidator.CASE_REFERENCE.matcher(cells[0].trim()).matches()) { // not echoed: it may be a name
        errors.put(key, "Line " + number + ": enter the case reference from your system (letters, digits and "
            + "/ - _ ., with at least one digit), never a name");
        continue;
      }
      Integer age = null;
      if (!cells[1].isBlank()) {
        try {
          age = Integer.valueOf(cells[1].trim());
        } catch (NumberFormatException e) {
          errors.put(key, "Line " + number + ": age '" + cells[1].trim() + "' is not a whole number");
          continue;
        }
      }
      List<String> agencies = Arrays.stream(cells[5].split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
      List<String> unknown = agencies.stream().filter(knownAgency.negate()).map(c -> "'" + c + "'").toList();
      if (!unknown.isEmpty()) {
        errors.put(key, "Line " + number + ": " + (unknown.size() == 1 ? "unknown agency code " : "unknown agency codes ")
            + String.join(", ", unknown));
        continue;
      }
      children.add(new ChildFacts(cells[0].trim(), age, blankToNull(cells[2]), blankToNull(cells[3]),
          blankToNull(cells[4]), agencies));
    }
    if (!headerSeen) {
      throw new InvalidLaunchException(Map.of(field, headerRequired ? "The cohort file is empty" : "Enter the children"));
    }
    if (children.isEmpty() && errors.isEmpty()) {
      errors.put(field, headerRequired ? "The cohort file has no children" : "Enter the children");
    }
    if (!errors.isEmpty()) {
      throw new InvalidLaunchException(errors);
    }
    return children;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
