package org.partnershipqa.agencyrequest;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.partnershipqa.notification.Notifier;
import org.partnershipqa.people.People;
import org.partnershipqa.people.Role;
import org.partnershipqa.tasks.TaskDirectory;
import org.partnershipqa.workingdays.WorkingDays;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens to an agency request as its workflow runs: the owner of the subject is told, the agency or the
 * chasers are notified, the inbox follows (new due date, task closed on withdrawal). Every step is idempotent.
 */
@Service
public class AgencyRequests {

  static final DateTimeFormatter IN_WORDS = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private final Map<String, AgencyRequestOwner> owners;
  private final TaskDirectory tasks;
  private final Notifier notifier;
  private final People people;
  private final RequestSchedule schedule;

  AgencyRequests(List<AgencyRequestOwner> owners, TaskDirectory tasks, Notifier notifier, People people,
      RequestSchedule schedule) {
    this.owners = owners.stream().collect(Collectors.toMap(AgencyRequestOwner::subjectType, Function.identity()));
    this.tasks = tasks;
    this.notifier = notifier;
    this.people = people;
    this.schedule = schedule;
  }

  @Transactional
  public void receive(AgencyRequest request) {
    TaskDirectory.Submission submission = tasks.latestSubmission(request.subjectType(), request.subjectId(),
        request.caseReference(), request.taskElementId(), request.agency()).orElseThrow(() -> new IllegalStateException(
            "No submitted " + request.requestName() + " of " + request.agency() + " for " + describe(request)));
    owner(request).received(request, submission);
  }

  @Transactional
  public void remind(AgencyRequest request) {
    AgencyRequestOwner owner = owner(request);
    if (!owner.reminded(request)) {
      return;
    }
    AgencyRequestOwner.RequestDetails details = owner.details(request);
    String due = inWords(details.deadline());
    notifier.notify("reminder:" + details.key(), people.agencyEmails(request.agency()),
        "Reminder: " + lowerFirst(request.requestName()) + " due " + due,
        people.agencyName(request.agency()) + "'s " + lowerFirst(request.requestName()) + " for " + details.subject()
            + " is due on " + due + ".\n\nOpen your tasks in Partnership QA to complete it.");
  }

  @Transactional
  public void flagOverdue(AgencyRequest request, Collection<String> chaseGroups) {
    AgencyRequestOwner owner = owner(request);
    if (!owner.overdue(request)) {
      return;
    }
    AgencyRequestOwner.RequestDetails details = owner.details(request);
    String agency = people.agencyName(request.agency());
    List<String> to = new ArrayList<>();
    chaseGroups.forEach(group -> Role.fromCode(group).ifPresent(role -> to.addAll(people.roleEmails(role))));
    notifier.notify("overdue:" + details.key() + ":" + details.deadline(), to,
        "Overdue: " + agency + " " + lowerFirst(request.requestName()) + " for " + details.subject(),
        agency + " has not returned its " + lowerFirst(request.requestName()) + " for " + details.subject() + " (due "
            + inWords(details.deadline()) + "). A chase task is in your inbox.");
  }

  /**
   * @param newDeadline the date the QA lead gave, or null for the default extension
   * @return the new deadline
   */
  @Transactional
  public LocalDate extend(AgencyRequest request, LocalDate newDeadline, boolean countWorkingDays) {
    LocalDate deadline = newDeadline != null ? newDeadline
        : schedule.defaultExtension(LocalDate.now(WorkingDays.LONDON), countWorkingDays);
    owner(request).extended(request, deadline);
    tasks.reschedule(request.subjectType(), request.subjectId(), request.caseReference(), request.taskElementId(),
        request.agency(), schedule.dueAt(deadline).toInstant());
    return deadline;
  }

  @Transactional
  public void withdraw(AgencyRequest request, String reason) {
    AgencyRequestOwner owner = owner(request);
    if (owner.withdrawn(request, reason)) {
      tasks.closeOpen(request.subjectType(), request.subjectId(), request.caseReference(), request.taskElementId(),
          request.agency(), "The QA lead withdrew your agency from " + owner.details(request).subject()
              + (reason == null || reason.isBlank() ? "." : ": " + reason.strip())
              + " A return can no longer be submitted.");
    }
  }

  /** The agency's name, for the chase task's title. */
  @Transactional(readOnly = true)
  public String agencyName(String agency) {
    return people.agencyName(agency);
  }

  private String describe(AgencyRequest request) {
    return owner(request).details(request).subject();
  }

  private AgencyRequestOwner owner(AgencyRequest request) {
    AgencyRequestOwner owner = owners.get(request.subjectType());
    if (owner == null) {
      throw new IllegalStateException("No module keeps agency requests of subject type " + request.subjectType());
    }
    return owner;
  }

  static String inWords(LocalDate date) {
    return date == null ? "(no date)" : IN_WORDS.format(date);
  }

  private static String lowerFirst(String s) {
    return s == null || s.isEmpty() ? "return" : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
