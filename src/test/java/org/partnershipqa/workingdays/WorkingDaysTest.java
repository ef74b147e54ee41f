package org.partnershipqa.workingdays;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** Working days in England and Wales: weekends and the English bank holidays (with substitute days) are skipped. */
class WorkingDaysTest {

  private final WorkingDays days = new WorkingDays();

  @Test
  void christmasBankHolidaysIncludingTheBoxingDaySubstituteAreNotWorkingDays() {
    assertThat(days.isWorkingDay(LocalDate.of(2026, 12, 24))).isTrue();  // Thursday
    assertThat(days.isWorkingDay(LocalDate.of(2026, 12, 25))).isFalse(); // Christmas Day, Friday
    assertThat(days.isWorkingDay(LocalDate.of(2026, 12, 26))).isFalse(); // Saturday (Boxing Day)
    assertThat(days.isWorkingDay(LocalDate.of(2026, 12, 27))).isFalse(); // Sunday
    assertThat(days.isWorkingDay(LocalDate.of(2026, 12, 28))).isFalse(); // Monday: Boxing Day substitute
    assertThat(days.isWorkingDay(LocalDate.of(2026, 12, 29))).isTrue();
    assertThat(days.isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();   // New Year's Day, Friday
    // England's calendar, not Scotland's: 2 January and St Andrew's Day are working days
    assertThat(days.isWorkingDay(LocalDate.of(2026, 11, 30))).isTrue();
    assertThat(days.isWorkingDay(LocalDate.of(2026, 8, 31))).isFalse();  // summer bank holiday (England)
    assertThat(days.isWorkingDay(LocalDate.of(2026, 8, 3))).isTrue();    // Scotland's summer holiday is not
  }

  @Test
  void plusSkipsChristmasTheWeekendAndTheSubstituteDay() {
    assertThat(days.plus(LocalDate.of(2026, 12, 24), 1)).isEqualTo(LocalDate.of(2026, 12, 29));
    assertThat(days.plus(LocalDate.of(2026, 12, 24), 2)).isEqualTo(LocalDate.of(2026, 12, 30));
    // zero days from a holiday is the next working day; from a working day it is that day
    assertThat(days.plus(LocalDate.of(2026, 12, 25), 0)).isEqualTo(LocalDate.of(2026, 12, 29));
    assertThat(days.plus(LocalDate.of(2026, 12, 24), 0)).isEqualTo(LocalDate.of(2026, 12, 24));
  }

  @Test
  void minusCountsBackOverNewYearAndChristmas() {
    // Monday 4 January 2027: Sun 3, Sat 2, Fri 1 (New Year) skipped; Thu 31 (1), Wed 30 (2), Tue 29 (3)
    assertThat(days.minus(LocalDate.of(2027, 1, 4), 3)).isEqualTo(LocalDate.of(2026, 12, 29));
    // one more skips Mon 28 (substitute), Sun 27, Sat 26 and Fri 25: Thursday 24 December
    assertThat(days.minus(LocalDate.of(2027, 1, 4), 4)).isEqualTo(LocalDate.of(2026, 12, 24));
  }

  @Test
  void weekendsAreSkippedBothWays() {
    LocalDate friday = LocalDate.of(2026, 11, 20);
    LocalDate monday = LocalDate.of(2026, 11, 23);
    assertThat(days.isWorkingDay(LocalDate.of(2026, 11, 21))).isFalse();
    assertThat(days.isWorkingDay(LocalDate.of(2026, 11, 22))).isFalse();
    assertThat(days.plus(friday, 1)).isEqualTo(monday);
    assertThat(days.minus(monday, 1)).isEqualTo(friday);
    assertThat(days.plus(friday, 5)).isEqualTo(LocalDate.of(2026, 11, 27));
    assertThat(days.plus(LocalDate.of(2026, 11, 21), 1)).isEqualTo(monday); // from a Saturday
  }

  @Test
  void oneWorkingDayAfterAFridayMorningIsMondayAtTheSameLondonTime() {
    ZonedDateTime friday = ZonedDateTime.of(2026, 11, 27, 10, 0, 0, 0, WorkingDays.LONDON);
    assertThat(days.oneWorkingDayAfter(friday))
        .isEqualTo(ZonedDateTime.of(2026, 11, 30, 10, 0, 0, 0, WorkingDays.LONDON));
    // the same moment given in UTC: the answer is in London time
    assertThat(days.oneWorkingDayAfter(friday.withZoneSameInstant(ZoneOffset.UTC)).toInstant())
        .isEqualTo(ZonedDateTime.of(2026, 11, 30, 10, 0, 0, 0, WorkingDays.LONDON).toInstant());
    // Christmas Eve 2026 at 16:30 -> Tuesday 29 December 16:30
    assertThat(days.oneWorkingDayAfter(ZonedDateTime.of(2026, 12, 24, 16, 30, 0, 0, WorkingDays.LONDON)))
        .isEqualTo(ZonedDateTime.of(2026, 12, 29, 16, 30, 0, 0, WorkingDays.LONDON));
  }

  @Test
  void oneWorkingDayAfterUsesTheLondonDateNotTheUtcDate() {
    // 23:30 UTC on Thursday 25 June 2026 is already Friday 00:30 in London (BST): next working day is Monday
    ZonedDateTime lateThursdayUtc = ZonedDateTime.of(2026, 6, 25, 23, 30, 0, 0, ZoneOffset.UTC);
    ZonedDateTime due = days.oneWorkingDayAfter(lateThursdayUtc);
    assertThat(due.toLocalDate()).isEqualTo(LocalDate.of(2026, 6, 29));
    assertThat(due.toLocalTime()).isEqualTo(LocalTime.of(0, 30));
  }

  @Test
  void deadlinesFallAtFivePmLondonTime() {
    assertThat(WorkingDays.endOfDay(LocalDate.of(2026, 12, 1)).toOffsetDateTime().toString())
        .isEqualTo("2026-12-01T17:00Z");
    assertThat(WorkingDays.endOfDay(LocalDate.of(2026, 7, 1)).toOffsetDateTime().toString())
        .isEqualTo("2026-07-01T17:00+01:00");
  }
}
