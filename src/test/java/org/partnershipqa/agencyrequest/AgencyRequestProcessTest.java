package org.partnershipqa.agencyrequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnershipqa.support.ProcessEngineFixture.FORM_KEY;
import static org.partnershipqa.support.ProcessEngineFixture.USER_TASK;
import static org.partnershipqa.support.ProcessEngineFixture.candidateGroups;
import static org.partnershipqa.support.ProcessEngineFixture.dueDate;
import static org.partnershipqa.support.ProcessEngineFixture.variable;

import io.camunda.client.api.response.ActivatedJob;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershipqa.support.EngineRecords;
import org.partnershipqa.support.ProcessEngineFixture;
import org.partnershipqa.workingdays.WorkingDays;

/**
 * bpmn/agency-request.bpmn alone on the embedded engine, its steps played as the app's workers play them, with the
 * dates its schedule step works out. The deadline is the Tuesday after Easter Monday, so a two-working-day reminder
 * lead time crosses the Easter bank holidays and the weekend: the reminder falls on the Wednesday before Good Friday.
 */
class AgencyRequestProcessTest {

  private static final String PROCESS = "agency-request";

  private final RequestSchedule schedule = new RequestSchedule(new WorkingDays());
  private ProcessEngineFixture zeebe;
  private LocalDate easterSunday;
  private LocalDate deadline;

  @BeforeEach
  void startEngine() {
    zeebe = new ProcessEngineFixture("agency-request.bpmn");
    LocalDate today = zeebe.engineNow().atZoneSameInstant(WorkingDays.LONDON).toLocalDate();
    int year = today.getYear();
    easterSunday = easterSunday(year);
    if (easterSunday.minusDays(10).isBefore(today)) {
      easterSunday = easterSunday(year + 1);
    }
    deadline = easterSunday.plusDays(2); // Tuesday after Easter Monday
  }

  @AfterEach
  void stopEngine() {
    zeebe.close();
  }

  @Test
  void aReturnMadeBeforeAnyTimerEndsTheRequestReceived() {
    long request = request();
    Schedule dates = playSchedule();

    ActivatedJob task = zeebe.awaitUserTasks("provideReturn", 1).getFirst();
    assertThat(candidateGroups(task)).containsExactly("police");
    assertThat(dueDate(task)).isEqualTo(dates.dueAt().toInstant());
    assertThat(variable(task, "taskName")).isEqualTo("Single-agency audit");
    // the engine hands a job-worker form key over as written: the app's task adapter reads the variable it names
    assertThat(task.getCustomHeaders().get(FORM_KEY)).isEqualTo("=formKey");
    assertThat(variable(task, "formKey")).isEqualTo("single-agency-audit");

    zeebe.complete(task, Map.of("overallGrade", "good"));
    ActivatedJob receive = zeebe.awaitJobs("agency-request.receive", 1).getFirst();
    assertThat(variable(receive, "agency")).isEqualTo("police");
    assertThat(variable(receive, "caseReference")).isEqualTo("WS/2027/001");
    zeebe.complete(receive, Map.of("outcome", "received"));

    zeebe.assertInstance(request).isCompleted().hasNoIncidents()
        .hasPassedElementsInOrder("requestMade", "scheduleRequest", "provideReturn", "receiveReturn", "requestReceived")
        .hasNotPassedElement("sendReminder").hasNotPassedElement("flagOverdue");
    assertThat(EngineRecords.rootVariable(zeebe.records(), request, "outcome")).isEqualTo("\"received\"");
    zeebe.assertNoJobs(USER_TASK, null);
  }

  @Test
  void theReminderCountsWorkingDaysBackOverEasterThenTheReturnArrives() {
    long request = request();
    Schedule dates = playSchedule();
    // Tuesday: back over Easter Monday, the weekend and Good Friday to Thursday (1) and Wednesday (2)
    LocalDate wednesdayBeforeGoodFriday = easterSunday.minusDays(4);
    assertThat(dates.reminderAt().toLocalDate()).isEqualTo(wednesdayBeforeGoodFriday);
    assertThat(dates.reminderAt().getHour()).isEqualTo(9);
    // counted in calendar days the same lead time would have fallen on Easter Sunday
    assertThat(schedule.reminderDate(deadline, 2, false, today())).isEqualTo(easterSunday);
    ActivatedJob task = zeebe.awaitUserTasks("provideReturn", 1).getFirst();

    moveClockTo(dates.reminderAt().minusHours(1).toInstant());
    zeebe.assertNoJobs("agency-request.remind", null);

    moveClockTo(dates.reminderAt().plusMinutes(1).toInstant());
    ActivatedJob reminder = zeebe.awaitJobs("agency-request.remind", 1).getFirst();
    assertThat(variable(reminder, "agency")).isEqualTo("police");
    zeebe.complete(reminder);

    zeebe.complete(task, Map.of("overallGrade", "good"));
    zeebe.complete(zeebe.awaitJobs("agency-request.receive", 1).getFirst(), Map.of("outcome", "received"));
    zeebe.assertInstance(request).isCompleted().hasNoIncidents()
        .hasPassedElement("sendReminder", 1).hasNotPassedElement("flagOverdue");
    assertThat(EngineRecords.rootVariable(zeebe.records(), request, "outcome")).isEqualTo("\"received\"");
  }

  @Test
  void overdueThenChasedThenExtendedThenReceived() {
    long request = request();
    Schedule dates = playSchedule();
    ActivatedJob task = zeebe.awaitUserTasks("provideReturn", 1).getFirst();
    moveClockTo(dates.reminderAt().plusMinutes(1).toInstant());
    zeebe.completeAll(zeebe.awaitJobs("agency-request.remind", 1));

    moveClockTo(dates.dueAt().plusMinutes(1).toInstant());
    ActivatedJob flag = zeebe.awaitJobs("agency-request.flag-overdue", 1).getFirst();
    assertThat(flag.getVariablesAsMap().get("chaseGroups")).isEqualTo(List.of("qa-lead"));
    zeebe.complete(flag);
    ActivatedJob chase = zeebe.awaitUserTasks("chaseReturn", 1).getFirst();
    assertThat(candidateGroups(chase)).containsExactly("qa-lead");
    assertThat(chase.getCustomHeaders()).containsEntry(FORM_KEY, "chase-return");
    assertThat(variable(chase, "taskName")).isEqualTo("Chase Police: Single-agency audit");

    // no date given: the extension is a working week from the day of the chase
    zeebe.complete(chase, Map.of("chaseDecision", "extend", "chaseNote", "Auditor on leave"));
    ActivatedJob extend = zeebe.awaitJobs("agency-request.extend", 1).getFirst();
    assertThat(variable(extend, "workingDays")).isEqualTo("true");
    LocalDate extended = schedule.defaultExtension(today(), true);
    assertThat(extended.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    zeebe.complete(extend, Map.of("dueAt", schedule.dueAt(extended).toOffsetDateTime().toString()));
    zeebe.assertNoJobs("agency-request.flag-overdue", null);

    // the agency returns before the new deadline: the chase loop ends with the request
    zeebe.complete(task, Map.of("overallGrade", "requires-improvement"));
    zeebe.complete(zeebe.awaitJobs("agency-request.receive", 1).getFirst(), Map.of("outcome", "received"));
    zeebe.assertInstance(request).isCompleted().hasNoIncidents()
        .hasPassedElement("flagOverdue", 1).hasPassedElement("extendDeadline", 1)
        .hasPassedElement("requestReceived", 1).hasNotPassedElement("requestWithdrawn");
    assertThat(EngineRecords.rootVariable(zeebe.records(), request, "outcome")).isEqualTo("\"received\"");
    moveClockTo(schedule.dueAt(extended).plusMinutes(1).toInstant());
    zeebe.assertNoJobs("agency-request.flag-overdue", null);
  }

  @Test
  void overdueThenChasedThenWithdrawnEndsWithTheAgencysTaskCancelled() {
    long request = request();
    Schedule dates = playSchedule();
    ActivatedJob task = zeebe.awaitUserTasks("provideReturn", 1).getFirst();
    moveClockTo(dates.dueAt().plusMinutes(1).toInstant());
    zeebe.completeAll(zeebe.awaitJobs("agency-request.remind", 1)); // the reminder's time passed too
    zeebe.completeAll(zeebe.awaitJobs("agency-request.flag-overdue", 1));

    // extended once to a given date, overdue again, then withdrawn
    zeebe.complete(zeebe.awaitUserTasks("chaseReturn", 1).getFirst(),
        Map.of("chaseDecision", "extend", "newDeadline", deadline.plusDays(7).toString(), "chaseNote", "One more week"));
    ActivatedJob extend = zeebe.awaitJobs("agency-request.extend", 1).getFirst();
    assertThat(variable(extend, "newDeadline")).isEqualTo(deadline.plusDays(7).toString());
    ZonedDateTime newDue = schedule.dueAt(deadline.plusDays(7));
    zeebe.complete(extend, Map.of("dueAt", newDue.toOffsetDateTime().toString()));
    moveClockTo(newDue.plusMinutes(1).toInstant());
    zeebe.completeAll(zeebe.awaitJobs("agency-request.flag-overdue", 1));
    zeebe.complete(zeebe.awaitUserTasks("chaseReturn", 1).getFirst(),
        Map.of("chaseDecision", "withdraw", "chaseNote", "No records held"));
    ActivatedJob withdraw = zeebe.awaitJobs("agency-request.withdraw", 1).getFirst();
    assertThat(variable(withdraw, "chaseNote")).isEqualTo("No records held");
    zeebe.complete(withdraw, Map.of("outcome", "withdrawn"));

    assertThat(zeebe.jobCanceled(task.getKey())).as("the agency's task is cancelled").isTrue();
    zeebe.assertNoJobs(USER_TASK, null);
    zeebe.assertInstance(request).isCompleted().hasNoIncidents()
        .hasPassedElement("flagOverdue", 2).hasPassedElement("waitNewDeadline", 1)
        .hasPassedElement("requestWithdrawn", 1).hasNotPassedElement("receiveReturn");
    assertThat(EngineRecords.rootVariable(zeebe.records(), request, "outcome")).isEqualTo("\"withdrawn\"");
  }

  private long request() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("subjectType", "test-subject");
    variables.put("subjectId", "7");
    variables.put("caseReference", "WS/2027/001");
    variables.put("agency", "police");
    variables.put("candidateGroups", List.of("police"));
    variables.put("formKey", "single-agency-audit");
    variables.put("requestName", "Single-agency audit");
    variables.put("deadline", WorkingDays.endOfDay(deadline).toOffsetDateTime().toString());
    variables.put("reminderLeadDays", 2);
    variables.put("workingDays", true);
    variables.put("chaseGroups", List.of("qa-lead"));
    return zeebe.create(PROCESS, variables);
  }

  private record Schedule(ZonedDateTime dueAt, ZonedDateTime reminderAt) {}

  /** The schedule step with the dates the app's worker works out (its agency name lookup aside). */
  private Schedule playSchedule() {
    ActivatedJob job = zeebe.awaitJobs("agency-request.schedule", 1).getFirst();
    LocalDate date = AgencyRequestWorkers.deadlineDate(variable(job, "deadline"));
    assertThat(date).isEqualTo(deadline);
    int lead = Integer.parseInt(variable(job, "reminderLeadDays"));
    boolean workingDays = Boolean.parseBoolean(variable(job, "workingDays"));
    Schedule dates = new Schedule(schedule.dueAt(date),
        schedule.reminderAt(schedule.reminderDate(date, lead, workingDays, today())));
    zeebe.complete(job, Map.of("dueAt", dates.dueAt().toOffsetDateTime().toString(),
        "reminderAt", dates.reminderAt().toOffsetDateTime().toString(), "agencyName", "Police"));
    return dates;
  }

  private LocalDate today() {
    return zeebe.engineNow().atZoneSameInstant(WorkingDays.LONDON).toLocalDate();
  }

  private void moveClockTo(Instant target) {
    Duration step = Duration.between(zeebe.engineNow().toInstant(), target);
    assertThat(step).as("the engine clock is before %s", target).isPositive();
    zeebe.increaseTime(step);
  }

  /** Easter Sunday (Gregorian, the anonymous algorithm), worked out here independently of the holiday library. */
  static LocalDate easterSunday(int year) {
    int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31, day = ((h + l - 7 * m + 114) % 31) + 1;
    return LocalDate.of(year, month, day);
  }
}
