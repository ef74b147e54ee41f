package org.partnershipqa.auditround;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.partnershipqa.accesslog.AccessAction;
import org.partnershipqa.accesslog.AccessLog;
import org.partnershipqa.people.PartnershipUser;
import org.partnershipqa.agencyrequest.RequestSchedule;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Launches a round: validates everything, saves the round, its children and one awaited return per
 * (child, agency), and queues the workflow start - all in one transaction, so a rejected launch saves nothing.
 */
@Service
public class RoundLauncher {

  private final LaunchValidator validator;
  private final ThemeRepository themes;
  private final AuditRoundRepository rounds;
  private final SampledChildRepository children;
  private final AgencyReturnRepository returns;
  private final RequestSchedule schedule;
  private final AccessLog accessLog;
  private final ApplicationEventPublisher events;
  private final Clock clock = Clock.systemDefaultZone();

  RoundLauncher(LaunchValidator validator, ThemeRepository themes, AuditRoundRepository rounds,
      SampledChildRepository children, AgencyReturnRepository returns, RequestSchedule schedule,
      AccessLog accessLog, ApplicationEventPublisher events) {
    this.validator = validator;
    this.themes = themes;
    this.rounds = rounds;
    this.children = children;
    this.returns = returns;
    this.schedule = schedule;
    this.accessLog = accessLog;
    this.events = events;
  }

  @Transactional
  public AuditRound launch(LaunchRequest request, PartnershipUser by) {
    Map<String, String> errors = validator.check(request);
    if (!errors.isEmpty()) {
      throw new InvalidLaunchException(errors);
    }
    Theme theme = themes.findByCode(request.theme()).orElseThrow();
    AuditRound round = rounds.save(new AuditRound(theme, request.title().trim(), blank(request.quarter()),
        request.lookBackFrom(), request.lookBackTo(), request.deadline(), reminderDate(theme, request.deadline()),
        request.seed() == null ? SampleMethod.ENTERED : SampleMethod.RANDOM, request.seed(), request.cohortSize(),
        by.username(), Instant.now(clock)));
    for (ChildFacts facts : request.children()) {
      ChildFacts clean = new ChildFacts(facts.caseReference().trim(), facts.age(), blank(facts.sex()),
          blank(facts.ethnicity()), blank(facts.planType()), List.copyOf(facts.agencies()));
      SampledChild child = children.save(new SampledChild(round, clean));
      for (String agency : clean.agencies()) {
        returns.save(new AgencyReturn(round, child, agency, request.deadline()));
      }
      accessLog.record(AccessAction.CREATE, "sampled-child", String.valueOf(child.getId()), clean.caseReference(),
          "added to round " + round.getId());
    }
    events.publishEvent(new RoundLaunched(round.getId()));
    return round;
  }

  /** A random draw from an uploaded cohort, then the launch. */
  @Transactional
  public AuditRound launchFromCohort(LaunchRequest request, String cohortCsv, int sampleSize, Long seed,
      PartnershipUser by) {
    List<ChildFacts> cohort = CohortCsv.parse(cohortCsv, "cohort", validator::isActiveAgency);
    RandomSample.Draw draw = RandomSample.draw(cohort, sampleSize, seed);
    return launch(new LaunchRequest(request.theme(), request.title(), request.quarter(), request.lookBackFrom(),
        request.lookBackTo(), request.deadline(), draw.children(), draw.seed(), draw.cohortSize()), by);
  }

  /** The theme's reminder lead time, in working days where the theme counts them (the agency requests' rule). */
  LocalDate reminderDate(Theme theme, LocalDate deadline) {
    return schedule.reminderDate(deadline, theme.getReminderDays(), theme.isWorkingDays(), LocalDate.now(clock));
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
