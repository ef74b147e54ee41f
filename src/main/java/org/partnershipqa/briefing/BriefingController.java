package org.partnershipqa.briefing;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.partnershipqa.people.CurrentUser;
import org.partnershipqa.people.Role;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The briefing of any subject: read as a page (published version first), edited by the QA lead as text boxes
 * (each save a new version), old versions opened and compared with the current one.
 */
@Controller
@PreAuthorize("hasAnyRole('QA_LEAD', 'PQA_MEMBER')")
class BriefingController {

  private static final Pattern SUBJECT_PART = Pattern.compile("[A-Za-z0-9-]{1,60}");

  private final Briefings briefings;
  private final List<BriefingSubjectLinks> links;

  BriefingController(Briefings briefings, List<BriefingSubjectLinks> links) {
    this.briefings = briefings;
    this.links = links;
  }

  @GetMapping("/briefings/{subjectType}/{subjectId}")
  String show(@PathVariable String subjectType, @PathVariable String subjectId, Model model) {
    BriefingSubject subject = subject(subjectType, subjectId);
    Map<Integer, String> texts = new LinkedHashMap<>();
    briefings.latest(subject).ifPresent(v -> v.getPanels().forEach(p -> texts.put(p.number(), p.text())));
    return page(subject, texts, Map.of(), model);
  }

  /** A QA lead's edit: a new version, or the page again with every panel's error and the typed text. */
  @PostMapping("/briefings/{subjectType}/{subjectId}")
  @PreAuthorize("hasRole('QA_LEAD')")
  String save(@PathVariable String subjectType, @PathVariable String subjectId,
      @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
    BriefingSubject subject = subject(subjectType, subjectId);
    BriefingVersion before = briefings.latest(subject).orElseThrow(
        () -> new NoSuchElementException("This briefing has not been drafted yet"));
    Map<Integer, String> texts = new LinkedHashMap<>();
    List<BriefingPanel> panels = new ArrayList<>();
    form.forEach((name, value) -> {
      if (name.matches("text[0-9]{1,2}")) {
        int n = Integer.parseInt(name.substring(4));
        texts.put(n, value);
        panels.add(new BriefingPanel(n, null, value));
      }
    });
    try {
      BriefingVersion saved = briefings.edit(subject, panels, basedOn(form.get("basedOn")), CurrentUser.get().username());
      redirect.addFlashAttribute("notice", notice(subject, before, saved));
      return "redirect:" + path(subject);
    } catch (InvalidBriefingException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return page(subject, texts, e.errors(), model);
    }
  }

  @PostMapping("/briefings/{subjectType}/{subjectId}/sign-off-request")
  @PreAuthorize("hasRole('QA_LEAD')")
  String requestSignOff(@PathVariable String subjectType, @PathVariable String subjectId, RedirectAttributes redirect) {
    BriefingSubject subject = subject(subjectType, subjectId);
    if (!briefings.canRequestSignOff(subject)) {
      redirect.addFlashAttribute("notice", "There is no change waiting to be sent for sign-off.");
    } else {
      BriefingVersion sent = briefings.requestSignOff(subject, CurrentUser.get().username());
      redirect.addFlashAttribute("notice", "Version " + sent.getNumber() + " was sent to the PQA sub-group for sign-off.");
    }
    return "redirect:" + path(subject);
  }

  /** One version as a page, compared panel by panel with the current version (or {@code with}). */
  @GetMapping("/briefings/{subjectType}/{subjectId}/versions/{number}")
  String version(@PathVariable String subjectType, @PathVariable String subjectId, @PathVariable int number,
      @RequestParam(required = false) Integer with, Model model) {
    BriefingSubject subject = subject(subjectType, subjectId);
    BriefingVersion version = briefings.version(subject, number)
        .orElseThrow(() -> new NoSuchElementException("This briefing has no version " + number));
    List<BriefingVersion> all = briefings.versions(subject);
    Optional<BriefingVersion> published = briefings.published(subject);
    Optional<BriefingVersion> other = with != null ? briefings.version(subject, with)
        : all.getFirst().getNumber() != number ? Optional.of(all.getFirst())
        : published.filter(p -> p.getNumber() != number);
    model.addAttribute("subject", subject);
    model.addAttribute("path", path(subject));
    model.addAttribute("briefingTitle", briefings.title(subject).orElse(""));
    model.addAttribute("subjectLink", link(subject).orElse(null));
    model.addAttribute("version", version);
    model.addAttribute("panels", PanelText.of(version.getPanels()));
    model.addAttribute("latestNumber", all.getFirst().getNumber());
    model.addAttribute("publishedNumber", published.map(BriefingVersion::getNumber).orElse(null));
    model.addAttribute("other", other.filter(o -> o.getNumber() != number).orElse(null));
    model.addAttribute("comparison", other.filter(o -> o.getNumber() != number)
        .map(o -> o.getNumber() < number ? PanelComparison.of(o, version) : PanelComparison.of(version, o))
        .orElse(List.of()));
    model.addAttribute("versions", all);
    return "briefing/version";
  }

  @ExceptionHandler(NoSuchElementException.class)
  String notFound(NoSuchElementException e, Model model, HttpServletResponse response) {
    response.setStatus(HttpStatus.NOT_FOUND.value());
    model.addAttribute("title", "Page not found");
    model.addAttribute("message", "We could not find that briefing. " + e.getMessage() + ".");
    return "error/problem";
  }

  private String page(BriefingSubject subject, Map<Integer, String> texts, Map<String, String> errors, Model model) {
    Optional<BriefingVersion> latest = briefings.latest(subject);
    Optional<BriefingVersion> published = briefings.published(subject);
    model.addAttribute("subject", subject);
    model.addAttribute("path", path(subject));
    model.addAttribute("briefingTitle", briefings.title(subject).orElse(""));
    model.addAttribute("subjectLink", link(subject).orElse(null));
    model.addAttribute("latest", latest.orElse(null));
    model.addAttribute("published", published.orElse(null));
    model.addAttribute("publishedPanels", published.map(v -> PanelText.of(v.getPanels())).orElse(List.of()));
    model.addAttribute("latestPanels", latest.map(v -> PanelText.of(v.getPanels())).orElse(List.of()));
    model.addAttribute("pendingChange", latest.filter(l -> published.isPresent()
        && l.getNumber() > published.get().getNumber()).orElse(null));
    model.addAttribute("editPanels", latest.isEmpty() ? List.of() : briefings.panelsToEdit(subject).stream()
        .map(p -> new BriefingPanel(p.number(), p.title(), texts.getOrDefault(p.number(), p.text()))).toList());
    model.addAttribute("canEdit", CurrentUser.get().has(Role.QA_LEAD));
    model.addAttribute("canRequestSignOff", CurrentUser.get().has(Role.QA_LEAD) && briefings.canRequestSignOff(subject));
    model.addAttribute("versions", briefings.versions(subject));
    model.addAttribute("decisions", briefings.decisions(subject));
    model.addAttribute("errors", errors);
    return "briefing/briefing";
  }

  private String notice(BriefingSubject subject, BriefingVersion before, BriefingVersion saved) {
    if (saved.getNumber() == before.getNumber()) {
      return "Nothing was changed, so no new version was saved.";
    }
    return briefings.published(subject).map(p -> "Saved as draft version " + saved.getNumber() + ". The published "
            + "briefing (version " + p.getNumber() + ") stays as it is until the change is signed off.")
        .orElse("Saved as version " + saved.getNumber() + ".");
  }

  private Optional<BriefingSubjectLinks.Link> link(BriefingSubject subject) {
    return links.stream().map(l -> l.link(subject.type(), subject.id())).flatMap(Optional::stream).findFirst();
  }

  static String path(BriefingSubject subject) {
    return "/briefings/" + subject.type() + "/" + subject.id();
  }

  private static BriefingSubject subject(String type, String id) {
    if (!SUBJECT_PART.matcher(type).matches() || !SUBJECT_PART.matcher(id).matches()) {
      throw new NoSuchElementException("There is no briefing at this address");
    }
    return new BriefingSubject(type, id);
  }

  private static Integer basedOn(String value) {
    try {
      return value == null || value.isBlank() ? null : Integer.valueOf(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
