package org.partnershipqa.auditround;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.partnershipqa.briefing.Briefings;
import org.partnershipqa.people.CurrentUser;
import org.partnershipqa.people.People;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The QA lead's pages for themed audit rounds: list with progress, launch (prepare the sample, confirm the
 * agencies per child, launch), a round's progress and findings, the returns side by side. The briefing's pages
 * are the briefing module's ({@code /briefings/audit-round/{id}}).
 */
@Controller
@PreAuthorize("hasAnyRole('QA_LEAD', 'PQA_MEMBER')")
class RoundController {

  /** The fields of step 1; step 2 carries them (as {@code first.<field>}) so that Back shows them again. */
  static final List<String> STEP_ONE = List.of("method", "children", "cohort", "sampleSize", "seed");
  private static final String FIRST = "first.";

  private final RoundViews views;
  private final RoundLauncher launcher;
  private final LaunchValidator validator;
  private final AuditRounds rounds;
  private final AuditForms forms;
  private final People people;
  private final SignOffDecisions signOffs;
  private final Briefings briefings;

  RoundController(RoundViews views, RoundLauncher launcher, LaunchValidator validator, AuditRounds rounds,
      AuditForms forms, People people, SignOffDecisions signOffs, Briefings briefings) {
    this.views = views;
    this.launcher = launcher;
    this.validator = validator;
    this.rounds = rounds;
    this.forms = forms;
    this.people = people;
    this.signOffs = signOffs;
    this.briefings = briefings;
  }

  @GetMapping("/audit-rounds")
  String list(Model model) {
    model.addAttribute("rounds", views.all());
    return "auditround/list";
  }

  @GetMapping("/audit-rounds/new")
  @PreAuthorize("hasRole('QA_LEAD')")
  String prepare(Model model) {
    model.addAttribute("form", new LinkedHashMap<String, String>(Map.of("method", "entered")));
    return prepareView(model, Map.of());
  }

  /** Back from step 2: step 1 again, with what was entered there (carried through step 2 in hidden fields). */
  @PostMapping(path = "/audit-rounds/new", params = "back")
  @PreAuthorize("hasRole('QA_LEAD')")
  String back(@RequestParam Map<String, String> form, Model model) {
    model.addAttribute("form", stepOne(form, ""));
    return prepareView(model, Map.of());
  }

  /**
   * Step 1 to step 2: read the entered children or draw from the cohort, then show them for confirmation. Every
   * problem is reported at once, in page order, on the box that has it (an unknown agency code included).
   */
  @PostMapping("/audit-rounds/new")
  @PreAuthorize("hasRole('QA_LEAD')")
  String draw(@RequestParam Map<String, String> form, @RequestParam(required = false) MultipartFile cohortFile,
      Model model, HttpServletResponse response) throws IOException {
    Map<String, String> errors = new LinkedHashMap<>();
    Map<String, String> first = stepOne(form, "");
    List<ChildFacts> sample = List.of();
    Long seed = null;
    Integer cohortSize = null;
    if ("random".equals(form.get("method"))) {
      boolean fromFile = cohortFile != null && !cohortFile.isEmpty();
      String csv = fromFile ? new String(cohortFile.getBytes(), StandardCharsets.UTF_8) : form.getOrDefault("cohort", "");
      List<ChildFacts> cohort = read(errors,
          () -> CohortCsv.parse(csv, fromFile ? "cohortFile" : "cohort", validator::isActiveAgency));
      int size = parseInt(form.get("sampleSize"), "sampleSize", "Enter the sample size as a whole number", errors);
      Long wantedSeed = blank(form.get("seed")) ? null
          : (long) parseInt(form.get("seed"), "seed", "The seed must be a whole number", errors);
      if (errors.isEmpty()) {
        RandomSample.Draw draw = read(errors, () -> RandomSample.draw(cohort, size, wantedSeed));
        if (draw != null) {
          sample = draw.children();
          seed = draw.seed();
          cohortSize = draw.cohortSize();
        }
      }
      if (fromFile) {
        first.put("cohort", csv); // Back shows the file's children in the paste box: a file input cannot be refilled
      }
    } else {
      sample = read(errors, () -> CohortCsv.parseEntered(form.get("children"), "children", validator::isActiveAgency));
    }
    if (!errors.isEmpty()) {
      response.setStatus(400);
      model.addAttribute("form", form);
      return prepareView(model, errors);
    }
    model.addAttribute("form", form);
    model.addAttribute("first", first);
    model.addAttribute("sample", sample);
    model.addAttribute("seed", seed);
    model.addAttribute("cohortSize", cohortSize);
    model.addAttribute("agencies", people.activeAgencies());
    model.addAttribute("errors", Map.of());
    model.addAttribute("themes", views.themes());
    return "auditround/confirm";
  }

  /** Step 2: the QA lead has confirmed each child's agencies; launch. */
  @PostMapping("/audit-rounds")
  @PreAuthorize("hasRole('QA_LEAD')")
  String launch(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect,
      HttpServletResponse response) {
    Map<String, String> form = params.toSingleValueMap();
    List<ChildFacts> sample = new ArrayList<>();
    int count = Integer.parseInt(form.getOrDefault("childCount", "0"));
    for (int i = 0; i < count; i++) {
      String p = "child" + i + ".";
      String age = form.get(p + "age");
      sample.add(new ChildFacts(form.get(p + "caseReference"), age == null || age.isBlank() ? null : Integer.valueOf(age),
          form.get(p + "sex"), form.get(p + "ethnicity"), form.get(p + "planType"),
          params.getOrDefault(p + "agencies", List.of())));
    }
    Map<String, String> unreadable = new LinkedHashMap<>();
    LaunchRequest request = new LaunchRequest(form.get("theme"), form.get("title"), form.get("quarter"),
        date(form.get("lookBackFrom"), "lookBackFrom", unreadable), date(form.get("lookBackTo"), "lookBackTo", unreadable),
        date(form.get("deadline"), "deadline", unreadable), sample,
        blank(form.get("seed")) ? null : Long.valueOf(form.get("seed")),
        blank(form.get("cohortSize")) ? null : Integer.valueOf(form.get("cohortSize")));
    try {
      if (!unreadable.isEmpty()) {
        // every problem at once, in page order: a date that is not a real date takes its field's place
        Map<String, String> errors = new LinkedHashMap<>(validator.check(request));
        errors.putAll(unreadable);
        throw new InvalidLaunchException(errors);
      }
      AuditRound round = launcher.launch(request, CurrentUser.get());
      redirect.addFlashAttribute("notice", "Round launched: agencies' tasks are being created.");
      return "redirect:/audit-rounds/" + round.getId();
    } catch (InvalidLaunchException e) {
      response.setStatus(400);
      model.addAttribute("form", form);
      model.addAttribute("first", stepOne(form, FIRST));
      model.addAttribute("sample", sample);
      model.addAttribute("seed", request.seed());
      model.addAttribute("cohortSize", request.cohortSize());
      model.addAttribute("agencies", people.activeAgencies());
      model.addAttribute("errors", e.errors());
      model.addAttribute("themes", views.themes());
      return "auditround/confirm";
    }
  }

  @GetMapping("/audit-rounds/{id}")
  String show(@PathVariable long id, Model model) {
    model.addAttribute("d", views.detail(id));
    model.addAttribute("agencyNames", agencyNames());
    model.addAttribute("briefings", briefings.versions(AuditRounds.briefingOf(id)));
    model.addAttribute("signOffs", signOffs.of(id));
    return "auditround/round";
  }

  @GetMapping("/audit-rounds/{id}/children/{childId}")
  String child(@PathVariable long id, @PathVariable long childId, Model model) {
    RoundViews.ChildView child = views.child(id, childId);
    AuditRound round = rounds.round(id);
    model.addAttribute("c", child);
    model.addAttribute("round", round);
    model.addAttribute("form", forms.build(round.getTheme())); // the questions, in the agencies' own words
    model.addAttribute("agencyNames", agencyNames());
    return "auditround/child";
  }

  /** The briefing lives in the briefing module; this address stays for links and bookmarks. */
  @GetMapping("/audit-rounds/{id}/briefing")
  String briefing(@PathVariable long id) {
    return "redirect:/briefings/" + AuditRounds.SUBJECT_TYPE + "/" + id;
  }

  /** A briefing page opened before the upgrade still saves: 307 makes the browser post the same form there. */
  @PostMapping("/audit-rounds/{id}/briefing")
  @PreAuthorize("hasRole('QA_LEAD')")
  ResponseEntity<Void> editBriefing(@PathVariable long id) {
    return ResponseEntity.status(HttpStatus.TEMPORARY_REDIRECT)
        .location(URI.create("/briefings/" + AuditRounds.SUBJECT_TYPE + "/" + id)).build();
  }

  private String prepareView(Model model, Map<String, String> errors) {
    model.addAttribute("themes", views.themes());
    model.addAttribute("errors", errors);
    model.addAttribute("errorsByField", byField(errors));
    model.addAttribute("agencies", people.activeAgencies());
    model.addAttribute("columns", String.join(",", CohortCsv.COLUMNS));
    return "auditround/new";
  }

  /** What was entered at step 1 (its fields, each under {@code prefix}), to carry it through step 2. */
  private static Map<String, String> stepOne(Map<String, String> form, String prefix) {
    Map<String, String> first = new LinkedHashMap<>();
    STEP_ONE.forEach(f -> first.put(f, form.getOrDefault(prefix + f, "")));
    return first;
  }

  /** The messages of each box, in page order: {@code children.line3} belongs to the box {@code children}. */
  private static Map<String, List<String>> byField(Map<String, String> errors) {
    Map<String, List<String>> byField = new LinkedHashMap<>();
    errors.forEach((key, message) ->
        byField.computeIfAbsent(key.split("\\.", 2)[0], k -> new ArrayList<>()).add(message));
    return byField;
  }

  /** Runs one step of reading the sample; its problems join the others. */
  private static <T> T read(Map<String, String> errors, java.util.function.Supplier<T> step) {
    try {
      return step.get();
    } catch (InvalidLaunchException e) {
      errors.putAll(e.errors());
      return null;
    }
  }

  private Map<String, String> agencyNames() {
    Map<String, String> names = new LinkedHashMap<>();
    people.activeAgencies().forEach(a -> names.put(a.getCode(), a.getName()));
    return names;
  }

  private static LocalDate date(String value, String field, Map<String, String> errors) {
    if (blank(value)) {
      return null;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      errors.put(field, "Enter a real date");
      return null;
    }
  }

  private static int parseInt(String value, String field, String message, Map<String, String> errors) {
    try {
      return Integer.parseInt(value == null ? "" : value.trim());
    } catch (NumberFormatException e) {
      errors.put(field, message);
      return 0;
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
