package org.partnershipqa.auditround;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.partnershipqa.people.People;
import org.springframework.stereotype.Component;

/** Checks a launch request completely before anything is saved, naming every offending field. */
@Component
class LaunchValidator {

  /** System references, not names: letters, digits and / - _ . with at least one digit. */
  static final Pattern CASE_REFERENCE = Pattern.compile("^(?=.*\\d)[A-Za-z0-9][A-Za-z0-9/_.-]{1,39}$");

  private final ThemeRepository themes;
  private final People people;
  private final Clock clock;

  @org.springframework.beans.factory.annotation.Autowired
  LaunchValidator(ThemeRepository themes, People people) {
    this(themes, people, Clock.systemDefaultZone());
  }

  LaunchValidator(ThemeRepository themes, People people, Clock clock) {
    this.themes = themes;
    this.people = people;
    this.clock = clock;
  }

  Map<String, String> check(LaunchRequest r) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (r.theme() == null || r.theme().isBlank()) {
      errors.put("theme", "Select a theme");
    } else if (themes.findByCode(r.theme()).filter(Theme::isActive).isEmpty()) {
      errors.put("theme", "Unknown theme '" + r.theme() + "'");
    }
    if (r.title() == null || r.title().isBlank()) {
      errors.put("title", "Enter a title");
    } else if (r.title().length() > 200) {
      errors.put("title", "Title must be 200 characters or fewer");
    }
    if (r.lookBackFrom() == null) {
      errors.put("lookBackFrom", "Enter the start of the period looked at");
    }
    if (r.lookBackTo() == null) {
      errors.put("lookBackTo", "Enter the end of the period looked at");
    }
    if (r.lookBackFrom() != null && r.lookBackTo() != null && r.lookBackFrom().isAfter(r.lookBackTo())) {
      errors.put("lookBackTo", "The end of the period must be after its start");
    }
    if (r.deadline() == null) {
      errors.put("deadline", "Enter the agencies' deadline");
    } else if (!r.deadline().isAfter(LocalDate.now(clock))) {
      errors.put("deadline", "The deadline must be in the future");
    }
    checkChildren(r, errors);
    return errors;
  }

  private void checkChildren(LaunchRequest r, Map<String, String> errors) {
    if (r.children() == null || r.children().isEmpty()) {
      errors.put("children", "Add at least one child to the sample");
      return;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < r.children().size(); i++) {
      ChildFacts c = r.children().get(i);
      String at = "children[" + i + "]";
      if (c == null) {
        errors.put(at, "Child " + (i + 1) + " is empty");
        continue;
      }
      if (c.caseReference() == null || !CASE_REFERENCE.matcher(c.caseReference().trim()).matches()) {
        errors.put(at + ".caseReference", "Child " + (i + 1) + ": enter the case reference from your system "
            + "(letters, digits and / - _ ., with at least one digit) - never a name");
      } else if (!seen.add(c.caseReference().trim().toUpperCase())) {
        errors.put(at + ".caseReference", "Case reference " + c.caseReference() + " is in the sample twice");
      }
      if (c.age() != null && (c.age() < 0 || c.age() > 25)) {
        errors.put(at + ".age", "Child " + (i + 1) + ": age must be between 0 and 25");
      }
      checkLength(errors, at + ".sex", c.sex(), 30, i);
      checkLength(errors, at + ".ethnicity", c.ethnicity(), 80, i);
      checkLength(errors, at + ".planType", c.planType(), 60, i);
      if (c.agencies() == null || c.agencies().isEmpty()) {
        errors.put(at + ".agencies", "Child " + (i + 1) + ": select the agencies involved");
      } else {
        for (String code : c.agencies()) {
          if (!isActiveAgency(code)) {
            errors.put(at + ".agencies", "Child " + (i + 1) + ": unknown agency '" + code + "'");
          }
        }
        if (new HashSet<>(c.agencies()).size() != c.agencies().size()) {
          errors.put(at + ".agencies", "Child " + (i + 1) + ": an agency is listed twice");
        }
      }
    }
  }

  /** Whether children may be sent to this agency: one that exists and is active. */
  boolean isActiveAgency(String code) {
    return people.agency(code).filter(a -> a.isActive()).isPresent();
  }

  private static void checkLength(Map<String, String> errors, String field, String value, int max, int i) {
    if (value != null && value.length() > max) {
      errors.put(field, "Child " + (i + 1) + ": must be " + max + " characters or fewer");
    }
  }
}
