package org.partnershipqa.workingdays;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.stereotype.Component;

/**
 * Working days in England and Wales (statutory timescales count them): Monday to Friday, less the bank
 * holidays of England (which Wales shares), from the jollyday holiday library.
 */
@Component
public class WorkingDays {

  public static final ZoneId LONDON = ZoneId.of("Europe/London");
  /** Deadlines fall at the end of the working day. */
  public static final LocalTime END_OF_DAY = LocalTime.of(17, 0);

  private final HolidayManager holidays =
      HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.UNITED_KINGDOM));

  public boolean isWorkingDay(LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.isHoliday(date, "eng");
  }

  /** The date {@code days} working days after {@code from} (0 = from itself, or the next working day). */
  public LocalDate plus(LocalDate from, int days) {
    LocalDate date = from;
    int left = days;
    while (left > 0 || !isWorkingDay(date)) {
      date = date.plusDays(1);
      if (isWorkingDay(date)) {
        left--;
      }
    }
    return date;
  }

  /** The date {@code days} working days before {@code from}. */
  public LocalDate minus(LocalDate from, int days) {
    LocalDate date = from;
    int left = days;
    while (left > 0) {
      date = date.minusDays(1);
      if (isWorkingDay(date)) {
        left--;
      }
    }
    return date;
  }

  /** One working day after a moment: the same time of day on the next working day, in London. */
  public ZonedDateTime oneWorkingDayAfter(ZonedDateTime moment) {
    ZonedDateTime local = moment.withZoneSameInstant(LONDON);
    return plus(local.toLocalDate(), 1).atTime(local.toLocalTime()).atZone(LONDON);
  }

  public static ZonedDateTime endOfDay(LocalDate date) {
    return date.atTime(END_OF_DAY).atZone(LONDON);
  }
}
