package org.partnershipqa.briefing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The briefings of every process: drafting from facts, versions of every edit, the PQA sub-group's decisions,
 * publication. Every step a workflow job calls is idempotent: a job handed out twice (after a crash) changes
 * nothing the second time.
 */
@Service
public class Briefings {

  public static final String APPROVE = "approve";
  public static final String RETURN = "return";
  /** The template every briefing is drafted from today (table {@code briefing_template_panel}). */
  static final String TEMPLATE = "7-minute-briefing";
  static final int MAX_PANEL_LENGTH = 10_000;

  private final BriefingRepository briefings;
  private final BriefingVersionRepository versions;
  private final SignOffDecisionRepository decisions;
  private final TemplatePanelRepository template;
  private final ApplicationEventPublisher events;

  Briefings(BriefingRepository briefings, BriefingVersionRepository versions, SignOffDecisionRepository decisions,
      TemplatePanelRepository template, ApplicationEventPublisher events) {
    this.briefings = briefings;
    this.versions = versions;
    this.decisions = decisions;
    this.template = template;
    this.events = events;
  }

  /**
   * Drafts version 1 from the facts, panel by panel as the template says ({@code facts} keyed by the template's
   * fact names: why, whatWeDid, ...). When the subject has a version already, it is kept as it is: a re-run must
   * not overwrite the QA lead's edits.
   */
  @Transactional
  public BriefingVersion draft(BriefingSubject subject, String title, Map<String, String> facts, String by) {
    Optional<Briefing> existing = briefings.findBySubjectTypeAndSubjectId(subject.type(), subject.id());
    Optional<BriefingVersion> drafted = existing.flatMap(b -> versions.findFirstByBriefingIdOrderByNumberDesc(b.getId()));
    if (drafted.isPresent()) {
      return drafted.get();
    }
    Instant now = Instant.now();
    Briefing briefing = existing.orElseGet(() -> briefings.save(new Briefing(subject, title, TEMPLATE, now)));
    List<BriefingPanel> panels = new ArrayList<>();
    for (TemplatePanel p : templatePanels(briefing)) {
      String text = facts.get(p.getFact());
      panels.add(new BriefingPanel(p.getPosition(), p.getTitle(), text == null ? "" : text.strip()));
    }
    return versions.save(new BriefingVersion(briefing.getId(), 1, panels, by, now));
  }

  /** {@link #edit(BriefingSubject, List, Integer, String)} without the check that the page was up to date. */
  @Transactional
  public BriefingVersion edit(BriefingSubject subject, List<BriefingPanel> panels, String by) {
    return edit(subject, panels, null, by);
  }

  /**
   * A QA lead's edit, saved as a new version; earlier versions stay. Panel titles come from the briefing (only
   * the text is edited). Refused, saving nothing, when a panel is missing or blank, or when {@code basedOn} (the
   * version the editor started from) is no longer the latest. A published version is never changed: an edit after
   * publication is a new draft, shown beside the published one until it is signed off and published.
   *
   * @return the new version, or the latest one when nothing changed
   */
  @Transactional
  public BriefingVersion edit(BriefingSubject subject, List<BriefingPanel> panels, Integer basedOn, String by) {
    Briefing briefing = briefing(subject);
    BriefingVersion latest = versions.findFirstByBriefingIdOrderByNumberDesc(briefing.getId())
        .orElseThrow(() -> new NoSuchElementException("The briefing of " + subject + " has not been drafted yet"));
    List<BriefingPanel> expected = structure(briefing, latest);
    Map<String, String> errors = new LinkedHashMap<>();
    if (basedOn != null && basedOn != latest.getNumber()) {
      errors.put("basedOn", "Version " + latest.getNumber() + " was saved by " + latest.getCreatedBy()
          + " after you opened this page. Check your changes against it and save again");
    }
    Map<Integer, String> texts = new LinkedHashMap<>();
    panels.forEach(p -> texts.put(p.number(), p.text()));
    if (!texts.keySet().equals(expected.stream().map(BriefingPanel::number).collect(java.util.stream.Collectors.toSet()))) {
      errors.put("panels", "The briefing has " + expected.size() + " panels: send the text of each of them");
    }
    List<BriefingPanel> edited = new ArrayList<>();
    for (BriefingPanel p : expected) {
      String text = texts.get(p.number()) == null ? "" : texts.get(p.number()).strip();
      if (text.isEmpty()) {
        errors.put("text" + p.number(), "Enter the text of panel " + p.number() + ", '" + p.title() + "'");
      } else if (text.length() > MAX_PANEL_LENGTH) {
        errors.put("text" + p.number(), "Panel " + p.number() + ", '" + p.title() + "', must be "
            + String.format("%,d", MAX_PANEL_LENGTH) + " characters or fewer");
      }
      edited.add(new BriefingPanel(p.number(), p.title(), text.replace("\r\n", "\n")));
    }
    if (!errors.isEmpty()) {
      throw new InvalidBriefingException(errors);
    }
    if (edited.equals(latest.getPanels())) {
      return latest;
    }
    return versions.save(new BriefingVersion(briefing.getId(), latest.getNumber() + 1, edited, by, Instant.now()));
  }

  /** True when a change made after publication waits to be sent for sign-off. */
  @Transactional(readOnly = true)
  public boolean canRequestSignOff(BriefingSubject subject) {
    return briefings.findBySubjectTypeAndSubjectId(subject.type(), subject.id())
        .map(b -> pendingChange(b).filter(v -> v.getSignOffRequestedAt() == null).isPresent()).orElse(false);
  }

  /**
   * Sends the change made after publication for sign-off: publishes {@link BriefingSignOffRequested} for the latest
   * version, in this transaction. Once per version.
   */
  @Transactional
  public BriefingVersion requestSignOff(BriefingSubject subject, String by) {
    Briefing briefing = briefing(subject);
    BriefingVersion draft = pendingChange(briefing).orElseThrow(() -> new IllegalStateException(
        "There is no change to the published briefing to send for sign-off"));
    if (draft.getSignOffRequestedAt() == null) {
      draft.signOffRequested(by, Instant.now());
      events.publishEvent(new BriefingSignOffRequested(subject.type(), subject.id(), briefing.getTitle(),
          draft.getNumber()));
    }
    return draft;
  }

  /**
   * Records the PQA sub-group's decision ("approve" or "return") once per key, and publishes
   * {@link BriefingDecided} with it for the process that owns the subject.
   */
  @Transactional
  public SignOffDecision recordDecision(String subjectType, String subjectId, String decision, String comments,
      String by, String key) {
    if (!APPROVE.equals(decision) && !RETURN.equals(decision)) {
      throw new IllegalArgumentException("A sign-off decision is 'approve' or 'return', not '" + decision + "'");
    }
    Briefing briefing = briefing(new BriefingSubject(subjectType, subjectId));
    Optional<SignOffDecision> recorded = decisions.findByBriefingIdAndIdempotencyKey(briefing.getId(), key);
    if (recorded.isPresent()) {
      return recorded.get();
    }
    Integer version = versions.findFirstByBriefingIdOrderByNumberDesc(briefing.getId())
        .map(BriefingVersion::getNumber).orElse(null);
    SignOffDecision saved = decisions.save(new SignOffDecision(briefing.getId(), version, decision,
        comments == null ? "" : comments.strip(), by, Instant.now(), key));
    events.publishEvent(new BriefingDecided(subjectType, subjectId, decision));
    return saved;
  }

  /** Publishes the latest version; the one published before it is superseded. Doing it again changes nothing. */
  @Transactional
  public BriefingVersion publish(String subjectType, String subjectId) {
    Briefing briefing = briefing(new BriefingSubject(subjectType, subjectId));
    List<BriefingVersion> all = versions.findByBriefingIdOrderByNumberDesc(briefing.getId());
    if (all.isEmpty()) {
      throw new IllegalStateException("The briefing of " + subjectType + " " + subjectId + " has no version to publish");
    }
    BriefingVersion latest = all.getFirst();
    if (!latest.isPublished()) {
      all.stream().skip(1).filter(v -> v.getState() != VersionState.SUPERSEDED).forEach(BriefingVersion::supersede);
      latest.publish(Instant.now());
    }
    return latest;
  }

  @Transactional(readOnly = true)
  public Optional<BriefingVersion> published(BriefingSubject subject) {
    return find(subject).flatMap(b -> versions.findByBriefingIdAndState(b.getId(), VersionState.PUBLISHED));
  }

  @Transactional(readOnly = true)
  public Optional<BriefingVersion> latest(BriefingSubject subject) {
    return find(subject).flatMap(b -> versions.findFirstByBriefingIdOrderByNumberDesc(b.getId()));
  }

  /** Newest first. */
  @Transactional(readOnly = true)
  public List<BriefingVersion> versions(BriefingSubject subject) {
    return find(subject).map(b -> versions.findByBriefingIdOrderByNumberDesc(b.getId())).orElse(List.of());
  }

  @Transactional(readOnly = true)
  public Optional<BriefingVersion> version(BriefingSubject subject, int number) {
    return find(subject).flatMap(b -> versions.findByBriefingIdAndNumber(b.getId(), number));
  }

  /** Oldest first. */
  @Transactional(readOnly = true)
  public List<SignOffDecision> decisions(BriefingSubject subject) {
    return find(subject).map(b -> decisions.findByBriefingIdOrderByDecidedAtAscIdAsc(b.getId())).orElse(List.of());
  }

  /** The title people know the subject by (e.g. the round's title). */
  @Transactional(readOnly = true)
  public Optional<String> title(BriefingSubject subject) {
    return find(subject).map(Briefing::getTitle);
  }

  /** The panels an edit starts from: the latest version's (or the template's, when it has none). */
  @Transactional(readOnly = true)
  List<BriefingPanel> panelsToEdit(BriefingSubject subject) {
    Briefing briefing = briefing(subject);
    return versions.findFirstByBriefingIdOrderByNumberDesc(briefing.getId()).map(v -> structure(briefing, v))
        .orElse(List.of());
  }

  /** The latest version when it is a change made after publication (not signed off yet). */
  private Optional<BriefingVersion> pendingChange(Briefing briefing) {
    Optional<BriefingVersion> published = versions.findByBriefingIdAndState(briefing.getId(), VersionState.PUBLISHED);
    return published.flatMap(p -> versions.findFirstByBriefingIdOrderByNumberDesc(briefing.getId())
        .filter(latest -> latest.getNumber() > p.getNumber()));
  }

  /** The panels an edit must have: those of the latest version, or the template's when it has none. */
  private List<BriefingPanel> structure(Briefing briefing, BriefingVersion latest) {
    if (!latest.getPanels().isEmpty()) {
      return latest.getPanels();
    }
    return templatePanels(briefing).stream().map(p -> new BriefingPanel(p.getPosition(), p.getTitle(), "")).toList();
  }

  private List<TemplatePanel> templatePanels(Briefing briefing) {
    List<TemplatePanel> panels = template.findByTemplateOrderByPositionAsc(briefing.getTemplate());
    if (panels.isEmpty()) {
      throw new IllegalStateException("Briefing template '" + briefing.getTemplate() + "' has no panels");
    }
    return panels;
  }

  private Optional<Briefing> find(BriefingSubject subject) {
    return briefings.findBySubjectTypeAndSubjectId(subject.type(), subject.id());
  }

  Briefing briefing(BriefingSubject subject) {
    return find(subject).orElseThrow(() -> new NoSuchElementException("No briefing for " + subject.type() + " "
        + subject.id()));
  }
}
