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

  private final RoundViews views;
  private final RoundLauncher launcher;
  private final AuditRounds rounds;
  private final People people;
  private final SignOffDecisions signOffs;
  private final Briefings briefings;

  RoundController(RoundViews views, RoundLauncher launcher, AuditRounds rounds, People people,
      SignOffDecisions signOffs, Briefings briefings) {
    this.views = views;
    this.launcher = launcher;
    this.rounds = rounds;
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

  /** Step 1 to step 2: read the entered children or draw from the cohort, then show them for confirmation. */
  @PostMapping("/audit-rounds/new")
  @PreAuthorize("hasRole('QA_LEAD')")
  String draw(@RequestParam Map<String, String> form, @RequestParam(required = false) MultipartFile cohortFile,
      Model model, HttpServletResponse response) throws IOException {
    Map<String, String> errors = new LinkedHashMap<>();
    try {
      List<ChildFacts> sample;
      Long seed = null;
      Integer cohortSize = null;
      if ("random".equals(form.get("method"))) {
        String csv = cohortFile != null && !cohortFile.isEmpty()
            ? new String(cohortFile.getBytes(), StandardCharsets.UTF_8) : form.getOrDefault("cohort", "");
        int size = parseInt(form.get("sampleSize"), "sampleSize", "Enter the sample size as a whole number", errors);
        Long wantedSeed = form.get("seed") == null || form.get("seed").isBlank() ? null
            : (long) parseInt(form.get("seed"), "seed", "The seed must be a whole number", errors);
        if (!errors.isEmpty()) {
          throw new InvalidLaunchException(errors);
        }
        RandomSample.Draw draw = RandomSample.draw(CohortCsv.parse(csv), size, wantedSeed);
        sample = draw.children();
        seed = draw.seed();
        cohortSize = draw.cohortSize();
      } else {
        String text = form.getOrDefault("children", "").strip();
        if (!text.toLowerCase().startsWith("case_reference")) {
          text = String.join(",", CohortCsv.COLUMNS) + "\n" + text;
        }
        sample = CohortCsv.parse(text);
      }
      model.addAttribute("form", form);
      model.addAttribute("sample", sample);
      model.addAttribute("seed", seed);
      model.addAttribute("cohortSize", cohortSize);
      model.addAttribute("agencies", people.activeAgencies());
      model.addAttribute("errors", Map.of());
      model.addAttribute("themes", views.themes());
      return "auditround/confirm";
    } catch (InvalidLaunchException e) {
      response.setStatus(400);
      model.addAttribute("form", form);
      return prepareView(model, e.errors());
    }
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
    Map<String, String> errors = new LinkedHashMap<>();
    LaunchRequest request = new LaunchRequest(form.get("theme"), form.get("title"), form.get("quarter"),
        date(form.get("lookBackFrom"), "lookBackFrom", errors), date(form.get("lookBackTo"), "lookBackTo", errors),
        date(form.get("deadline"), "deadline", errors), sample,
        blank(form.get("seed")) ? null : Long.valueOf(form.get("seed")),
        blank(form.get("cohortSize")) ? null : Integer.valueOf(form.get("cohortSize")));
    try {
      if (!errors.isEmpty()) {
        throw new InvalidLaunchException(errors);
      }
      AuditRound round = launcher.launch(request, CurrentUser.get());
      redirect.addFlashAttribute("notice", "Round launched: agencies' tasks are being created.");
      return "redirect:/audit-rounds/" + round.getId();
    } catch (InvalidLaunchException e) {
      response.setStatus(400);
      model.addAttribute("form", form);
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

  @GetMapping("/audit-rounds/{id}/children/{caseReference}")
  String child(@PathVariable long id, @PathVariable String caseReference, Model model) {
    RoundViews.ChildView child = views.child(id, caseReference);
    model.addAttribute("c", child);
    model.addAttribute("round", rounds.round(id));
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
    model.addAttribute("columns", String.join(",", CohortCsv.COLUMNS));
    return "auditround/new";
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
