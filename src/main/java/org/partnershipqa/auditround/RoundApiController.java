package org.partnershipqa.auditround;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.partnershipqa.briefing.BriefingPanel;
import org.partnershipqa.briefing.BriefingSubject;
import org.partnershipqa.briefing.BriefingVersion;
import org.partnershipqa.briefing.Briefings;
import org.partnershipqa.people.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Themed audit rounds as JSON, for automation and tests. */
@RestController
class RoundApiController {

  private final RoundLauncher launcher;
  private final RoundViews views;
  private final Briefings briefings;

  RoundApiController(RoundLauncher launcher, RoundViews views, Briefings briefings) {
    this.launcher = launcher;
    this.views = views;
    this.briefings = briefings;
  }

  record ThemeView(String code, String title, String termsOfReference, List<ThemeHeading> headings,
      boolean workingDays, int reminderDays) {}

  /** A launch: the children directly, or {@code cohortCsv} + {@code sampleSize} (+ optional {@code seed}) to draw them. */
  record LaunchBody(String theme, String title, String quarter, LocalDate lookBackFrom, LocalDate lookBackTo,
      LocalDate deadline, List<ChildFacts> children, String cohortCsv, Integer sampleSize, Long seed) {}

  record ReturnView(String agency, ReturnState state, String overallGrade, boolean overdue, LocalDate deadline) {}

  /** @param id addresses the child (its page is {@code /audit-rounds/{round}/children/{id}}); the case reference is free text */
  record ChildState(long id, String caseReference, Integer age, String sex, String ethnicity, String planType,
      List<String> agencies, String agreedGrade, List<ReturnView> returns) {}

  record RoundStatus(long id, String title, String theme, String state, LocalDate deadline, String sampleMethod,
      Long randomSeed, Integer cohortSize, int returnsSettled, int returnsExpected, List<ChildState> children,
      Findings findings, List<Map<String, Object>> signOffHistory) {}

  @GetMapping("/api/themes")
  List<ThemeView> themes() {
    return views.themes().stream().filter(Theme::isActive).map(t -> new ThemeView(t.getCode(), t.getTitle(),
        t.getTermsOfReference(), t.getHeadings(), t.isWorkingDays(), t.getReminderDays())).toList();
  }

  @PostMapping("/api/audit-rounds")
  @PreAuthorize("hasRole('QA_LEAD')")
  ResponseEntity<RoundStatus> launch(@RequestBody LaunchBody body) {
    LaunchRequest request = new LaunchRequest(body.theme(), body.title(), body.quarter(), body.lookBackFrom(),
        body.lookBackTo(), body.deadline(), body.children(), null, null);
    AuditRound round = body.cohortCsv() != null
        ? launcher.launchFromCohort(request, body.cohortCsv(), body.sampleSize() == null ? 0 : body.sampleSize(),
            body.seed(), CurrentUser.get())
        : launcher.launch(request, CurrentUser.get());
    return ResponseEntity.created(URI.create("/api/audit-rounds/" + round.getId())).body(state(round.getId()));
  }

  @GetMapping("/api/audit-rounds/{id}")
  @PreAuthorize("hasAnyRole('QA_LEAD', 'PQA_MEMBER')")
  RoundStatus round(@PathVariable long id) {
    return state(id);
  }

  /** {@code draftVersion}: a change saved after publication, not signed off yet (absent when there is none). */
  record BriefingView(long roundId, int version, boolean published, List<BriefingPanel> panels,
      @JsonInclude(JsonInclude.Include.NON_NULL) Integer draftVersion) {}

  /** The published briefing when there is one, else the latest draft. */
  @GetMapping("/api/audit-rounds/{id}/briefing")
  @PreAuthorize("hasAnyRole('QA_LEAD', 'PQA_MEMBER')")
  BriefingView briefing(@PathVariable long id) {
    BriefingSubject subject = AuditRounds.briefingOf(id);
    BriefingVersion latest = briefings.latest(subject)
        .orElseThrow(() -> new NoSuchElementException("Round " + id + " has no briefing yet"));
    BriefingVersion shown = briefings.published(subject).orElse(latest);
    return new BriefingView(id, shown.getNumber(), shown.isPublished(), shown.getPanels(),
        shown.isPublished() && latest.getNumber() > shown.getNumber() ? latest.getNumber() : null);
  }

  private RoundStatus state(long id) {
    RoundViews.RoundDetail d = views.detail(id);
    AuditRound r = d.round();
    return new RoundStatus(r.getId(), r.getTitle(), r.getTheme().getCode(), r.getState().name(), r.getDeadline(),
        r.getSampleMethod().name(), r.getRandomSeed(), r.getCohortSize(), d.progress().settled(),
        d.progress().expected(),
        d.children().stream().map(c -> new ChildState(c.child().getId(), c.child().getCaseReference(), c.child().getAge(),
            c.child().getSex(), c.child().getEthnicity(), c.child().getPlanType(), c.child().getAgencies(),
            c.child().getAgreedGrade(), c.returns().stream().map(ret -> new ReturnView(ret.getAgencyCode(),
                ret.getState(), ret.getOverallGrade(), ret.isOverdue(), ret.getDeadline())).toList())).toList(),
        r.getFindings(), signOffHistory(id));
  }

  /** The briefing's sign-off decisions, in the shape this API has always had. */
  private List<Map<String, Object>> signOffHistory(long id) {
    return briefings.decisions(AuditRounds.briefingOf(id)).stream().map(d -> {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("key", d.getIdempotencyKey());
      entry.put("decision", d.getDecision());
      entry.put("comments", d.getComments());
      entry.put("by", d.getDecidedBy());
      entry.put("at", d.getDecidedAt().toString());
      return entry;
    }).toList();
  }

  @ExceptionHandler(InvalidLaunchException.class)
  ProblemDetail invalid(InvalidLaunchException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The round was not launched; nothing was saved");
    p.setTitle("Invalid launch");
    p.setProperty("errors", e.errors().entrySet().stream()
        .map(x -> Map.of("field", x.getKey(), "message", x.getValue())).toList());
    return p;
  }

  @ExceptionHandler(NoSuchElementException.class)
  ProblemDetail notFound(NoSuchElementException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
  }
}
