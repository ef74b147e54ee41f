package org.partnershipqa.agencyrequest;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.partnershipqa.workingdays.WorkingDays;
import org.springframework.stereotype.Component;

/** The automated steps of {@code bpmn/agency-request.bpmn}: one job type, one method (public: the starter invokes them reflectively). */
@Component
public class AgencyRequestWorkers {

  private final AgencyRequests requests;
  private final RequestSchedule schedule;

  AgencyRequestWorkers(AgencyRequests requests, RequestSchedule schedule) {
    this.requests = requests;
    this.schedule = schedule;
  }

  /** Due date, reminder date and the agency's name, from the caller's deadline and lead time. */
  @JobWorker(type = "agency-request.schedule",
      fetchVariables = {"agency", "deadline", "reminderLeadDays", "workingDays"})
  public Map<String, Object> schedule(@Variable String agency, @Variable String deadline,
      @Variable(optional = true) Integer reminderLeadDays, @Variable(optional = true) Boolean workingDays) {
    LocalDate date = deadlineDate(deadline);
    LocalDate reminder = schedule.reminderDate(date, reminderLeadDays == null ? 0 : reminderLeadDays,
        Boolean.TRUE.equals(workingDays), LocalDate.now(WorkingDays.LONDON));
    return Map.of(
        "dueAt", schedule.dueAt(date).toOffsetDateTime().toString(),
        "reminderAt", schedule.reminderAt(reminder).toOffsetDateTime().toString(),
        "agencyName", requests.agencyName(agency));
  }

  @JobWorker(type = "agency-request.receive", fetchVariables = {"subjectType", "subjectId", "caseReference", "agency", "requestName"})
  public Map<String, Object> receive(@Variable String subjectType, @Variable String subjectId,
      @Variable(optional = true) String caseReference, @Variable String agency, @Variable String requestName) {
    requests.receive(request(subjectType, subjectId, caseReference, agency, requestName));
    return Map.of("outcome", "received");
  }

  @JobWorker(type = "agency-request.remind", fetchVariables = {"subjectType", "subjectId", "caseReference", "agency", "requestName"})
  public void remind(@Variable String subjectType, @Variable String subjectId,
      @Variable(optional = true) String caseReference, @Variable String agency, @Variable String requestName) {
    requests.remind(request(subjectType, subjectId, caseReference, agency, requestName));
  }

  @JobWorker(type = "agency-request.flag-overdue",
      fetchVariables = {"subjectType", "subjectId", "caseReference", "agency", "requestName", "chaseGroups"})
  public void flagOverdue(@Variable String subjectType, @Variable String subjectId,
      @Variable(optional = true) String caseReference, @Variable String agency, @Variable String requestName,
      @Variable(optional = true) List<String> chaseGroups) {
    requests.flagOverdue(request(subjectType, subjectId, caseReference, agency, requestName),
        chaseGroups == null ? List.of() : chaseGroups);
  }

  @JobWorker(type = "agency-request.extend",
      fetchVariables = {"subjectType", "subjectId", "caseReference", "agency", "requestName", "newDeadline", "workingDays"})
  public Map<String, Object> extend(@Variable String subjectType, @Variable String subjectId,
      @Variable(optional = true) String caseReference, @Variable String agency, @Variable String requestName,
      @Variable(optional = true) String newDeadline, @Variable(optional = true) Boolean workingDays) {
    LocalDate date = requests.extend(request(subjectType, subjectId, caseReference, agency, requestName),
        newDeadline == null || newDeadline.isBlank() ? null : LocalDate.parse(newDeadline.strip()),
        Boolean.TRUE.equals(workingDays));
    return Map.of("dueAt", schedule.dueAt(date).toOffsetDateTime().toString());
  }

  @JobWorker(type = "agency-request.withdraw",
      fetchVariables = {"subjectType", "subjectId", "caseReference", "agency", "requestName", "chaseNote"})
  public Map<String, Object> withdraw(@Variable String subjectType, @Variable String subjectId,
      @Variable(optional = true) String caseReference, @Variable String agency, @Variable String requestName,
      @Variable(optional = true) String chaseNote) {
    requests.withdraw(request(subjectType, subjectId, caseReference, agency, requestName), chaseNote);
    return Map.of("outcome", "withdrawn");
  }

  private static AgencyRequest request(String subjectType, String subjectId, String caseReference, String agency,
      String requestName) {
    return new AgencyRequest(subjectType, subjectId, caseReference, agency, requestName, AgencyRequest.TASK_ELEMENT);
  }

  /** The caller's deadline: an ISO date, or a date-time whose London date counts. */
  static LocalDate deadlineDate(String deadline) {
    String value = deadline.strip();
    return value.length() == 10 ? LocalDate.parse(value)
        : OffsetDateTime.parse(value).atZoneSameInstant(WorkingDays.LONDON).toLocalDate();
  }
}
