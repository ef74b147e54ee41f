package org.partnershipqa.auditround;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an uploaded cohort: one child per line, {@code case_reference,age,sex,ethnicity,plan_type,agencies}
 * with agencies separated by semicolons. Only these columns are accepted (no names or other identifying
 * data). Any problem is reported with its line number and nothing is imported.
 */
final class CohortCsv {

  static final List<String> COLUMNS = List.of("case_reference", "age", "sex", "ethnicity", "plan_type", "agencies");

  private CohortCsv() {}

  static List<ChildFacts> parse(String text) {
    Map<String, String> errors = new LinkedHashMap<>();
    List<ChildFacts> cohort = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new StringReader(text == null ? "" : text.strip()))) {
      String header = reader.readLine();
      if (header == null || header.isBlank()) {
        throw new InvalidLaunchException(Map.of("cohort", "The cohort file is empty"));
      }
      List<String> columns = Arrays.stream(header.replace("\uFEFF", "").split(",", -1))
          .map(c -> c.trim().toLowerCase()).toList();
      if (!columns.equals(COLUMNS)) {
        throw new InvalidLaunchException(Map.of("cohort", "Line 1: the columns must be exactly "
            + String.join(",", COLUMNS) + " (only case references and non-identifying facts are accepted)"));
      }
      String line;
      int number = 1;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        String[] cells = line.split(",", -1);
        if (cells.length != COLUMNS.size()) {
          errors.put("cohort.line" + number, "Line " + number + ": expected " + COLUMNS.size() + " values, found " + cells.length);
          continue;
        }
        Integer age = null;
        if (!cells[1].isBlank()) {
          try {
            age = Integer.valueOf(cells[1].trim());
          } catch (NumberFormatException e) {
            errors.put("cohort.line" + number, "Line " + number + ": age '" + cells[1].trim() + "' is not a whole number");
            continue;
          }
        }
        List<String> agencies = Arrays.stream(cells[5].split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        cohort.add(new ChildFacts(cells[0].trim(), age, blankToNull(cells[2]), blankToNull(cells[3]),
            blankToNull(cells[4]), agencies));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (cohort.isEmpty() && errors.isEmpty()) {
      errors.put("cohort", "The cohort file has no children");
    }
    if (!errors.isEmpty()) {
      throw new InvalidLaunchException(errors);
    }
    return cohort;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
