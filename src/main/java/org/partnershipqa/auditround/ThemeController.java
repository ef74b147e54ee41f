package org.partnershipqa.auditround;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.partnershipqa.people.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * QA leads keep the theme catalogue: terms of reference, briefing texts and the graded headings of the
 * single-agency question set (one per line: {@code key | title | guidance}). A running round uses the theme as it
 * is when its agencies open their forms.
 */
@Controller
@PreAuthorize("hasRole('QA_LEAD')")
class ThemeController {

  private final ThemeRepository themes;

  ThemeController(ThemeRepository themes) {
    this.themes = themes;
  }

  @GetMapping("/themes")
  String list(Model model) {
    model.addAttribute("themes", themes.findAllByOrderByTitleAsc());
    return "auditround/themes";
  }

  @GetMapping("/themes/{code}")
  String edit(@PathVariable String code, Model model) {
    Theme theme = find(code);
    Map<String, String> form = new LinkedHashMap<>();
    form.put("title", theme.getTitle());
    form.put("termsOfReference", theme.getTermsOfReference());
    form.put("why", theme.getWhy());
    form.put("practicePrompts", theme.getPracticePrompts());
    form.put("whatElse", theme.getWhatElse());
    form.put("reminderDays", String.valueOf(theme.getReminderDays()));
    form.put("workingDays", String.valueOf(theme.isWorkingDays()));
    form.put("active", String.valueOf(theme.isActive()));
    StringBuilder headings = new StringBuilder();
    theme.getHeadings().forEach(h -> headings.append(h.key()).append(" | ").append(h.title()).append(" | ")
        .append(h.guidance() == null ? "" : h.guidance()).append('\n'));
    form.put("headings", headings.toString().strip());
    return view(model, theme, form, Map.of());
  }

  @PostMapping("/themes/{code}")
  @Transactional
  String save(@PathVariable String code, @RequestParam Map<String, String> form, Model model,
      RedirectAttributes redirect, HttpServletResponse response) {
    Theme theme = find(code);
    Map<String, String> errors = new LinkedHashMap<>();
    String title = form.getOrDefault("title", "").strip();
    if (title.isEmpty() || title.length() > 200) {
      errors.put("title", "Enter a title of 200 characters or fewer");
    }
    for (String field : List.of("termsOfReference", "why")) {
      if (form.getOrDefault(field, "").isBlank()) {
        errors.put(field, field.equals("why") ? "Enter why the theme is looked at" : "Enter the terms of reference");
      }
    }
    List<ThemeHeading> headings = headings(form.getOrDefault("headings", ""), errors); // page order: before the lead time
    int reminderDays = 0;
    try {
      reminderDays = Integer.parseInt(form.getOrDefault("reminderDays", "").strip());
      if (reminderDays < 0 || reminderDays > 30) {
        errors.put("reminderDays", "Reminder lead time must be between 0 and 30 days");
      }
    } catch (NumberFormatException e) {
      errors.put("reminderDays", "Enter the reminder lead time as a whole number of days");
    }
    if (!errors.isEmpty()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return view(model, theme, form, errors);
    }
    theme.update(title, form.get("termsOfReference").strip(), form.get("why").strip(), headings,
        form.getOrDefault("practicePrompts", "").strip(), form.getOrDefault("whatElse", "").strip(),
        form.containsKey("workingDays"), reminderDays, form.containsKey("active"), CurrentUser.get().username());
    redirect.addFlashAttribute("notice", "Theme '" + title + "' saved");
    return "redirect:/themes";
  }

  /** One heading per line, {@code key | title | guidance}; keys are lower-case words joined by hyphens. */
  static List<ThemeHeading> headings(String text, Map<String, String> errors) {
    List<ThemeHeading> headings = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    String[] lines = text.strip().split("\\R");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      String[] parts = lines[i].split("\\|", -1);
      String key = parts[0].strip();
      if (parts.length < 2 || !key.matches("^[a-z][a-z0-9-]{0,39}$") || parts[1].isBlank()) {
        errors.put("headings", "Line " + (i + 1) + ": write key | title | guidance, with a lower-case key such as voice-of-child");
        return headings;
      }
      if (!keys.add(key.replace('-', '_'))) {
        errors.put("headings", "Line " + (i + 1) + ": the key '" + key + "' is used twice");
        return headings;
      }
      headings.add(new ThemeHeading(key, parts[1].strip(), parts.length > 2 ? parts[2].strip() : ""));
    }
    if (headings.isEmpty()) {
      errors.put("headings", "Add at least one graded heading");
    }
    return headings;
  }

  private String view(Model model, Theme theme, Map<String, String> form, Map<String, String> errors) {
    model.addAttribute("theme", theme);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    return "auditround/theme-form";
  }

  private Theme find(String code) {
    return themes.findByCode(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such theme"));
  }
}
