package org.partnershipqa.agencyrequest;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.partnershipqa.workingdays.WorkingDays;
import org.springframework.stereotype.Component;

/**
 * The date rules of agency requests, in one place: when a request falls due, when its reminder goes, and how far a
 * chase extends it when the QA lead gives no date. With the working-day rule, lead times and extensions count
 * working days of England and Wales (bank holidays from the holiday library); otherwise calendar days.
 */
@Component
public class RequestSchedule {

  /** A reminder goes at this hour (London) on its day. */
  static final int REMINDER_HOUR = 9;
  /** An extension without a date: a working week, or a calendar week. */
  static final int DEFAULT_EXTENSION_WORKING_DAYS = 5;
  static final int DEFAULT_EXTENSION_DAYS = 7;

  private final WorkingDays workingDays;

  public RequestSchedule(WorkingDays workingDays) {
    this.workingDays = workingDays;
  }

  /** Requests fall due at the end of the working day of their deadline date. */
  public ZonedDateTime dueAt(LocalDate deadline) {
    return WorkingDays.endOfDay(deadline);
  }

  /**
   * The day the reminder goes: {@code leadDays} (working or calendar) days before the deadline, but never before
   * tomorrow, so a short deadline does not remind at once.
   */
  public LocalDate reminderDate(LocalDate deadline, int leadDays, boolean countWorkingDays, LocalDate today) {
    LocalDate date = countWorkingDays ? workingDays.minus(deadline, leadDays) : deadline.minusDays(leadDays);
    LocalDate tomorrow = today.plusDays(1);
    return date.isBefore(tomorrow) ? tomorrow : date;
  }

  public ZonedDateTime reminderAt(LocalDate reminderDate) {
    return reminderDate.atTime(REMINDER_HOUR, 0).atZone(WorkingDays.LONDON);
  }

  /** The new deadline of an extension the QA lead gave no date for. */
  public LocalDate defaultExtension(LocalDate today, boolean countWorkingDays) {
    return countWorkingDays ? workingDays.plus(today, DEFAULT_EXTENSION_WORKING_DAYS) : today.plusDays(DEFAULT_EXTENSION_DAYS);
  }
}
