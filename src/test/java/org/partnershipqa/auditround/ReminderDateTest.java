package org.partnershipqa.auditround;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partnershipqa.agencyrequest.RequestSchedule;
import org.partnershipqa.workingdays.WorkingDays;

/** A round's reminder date: the theme's lead time before the deadline, in working days where the theme says so. */
class ReminderDateTest {

  private final RoundLauncher launcher = new RoundLauncher(null, null, null, null, null, new RequestSchedule(new WorkingDays()), null, null);

  private static Theme theme(boolean workingDays, int reminderDays) {
    Theme theme = new Theme();
    theme.update("Neglect", "terms", "why", List.of(), null, null, workingDays, reminderDays, true, "test");
    return theme;
  }

  @Test
  void workingDayThemesCountBackOverWeekendsAndBankHolidays() {
    // Monday 29 December 2031: Sun 28, Sat 27, Fri 26 (Boxing Day), Thu 25 (Christmas) skipped;
    // Wed 24 (1), Tue 23 (2), Mon 22 (3)
    assertThat(launcher.reminderDate(theme(true, 3), LocalDate.of(2031, 12, 29))).isEqualTo(LocalDate.of(2031, 12, 22));
  }

  @Test
  void calendarDayThemesCountEveryDay() {
    assertThat(launcher.reminderDate(theme(false, 3), LocalDate.of(2031, 12, 29))).isEqualTo(LocalDate.of(2031, 12, 26));
  }

  @Test
  void aReminderIsNeverBeforeTomorrow() {
    LocalDate tomorrow = LocalDate.now().plusDays(1);
    assertThat(launcher.reminderDate(theme(true, 3), LocalDate.now().plusDays(2))).isEqualTo(tomorrow);
    assertThat(launcher.reminderDate(theme(false, 10), LocalDate.now().plusDays(5))).isEqualTo(tomorrow);
  }
}
