package org.partnershipqa.concern;

import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status.Code;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.partnershipqa.accesslog.AccessAction;
import org.partnershipqa.accesslog.AccessLog;
import org.partnershipqa.notification.Notifier;
import org.partnershipqa.people.People;
import org.partnershipqa.people.PartnershipUser;
import org.partnershipqa.people.Role;
import org.partnershipqa.tasks.Task;
import org.partnershipqa.tasks.TaskDirectory;
import org.partnershipqa.workingdays.WorkingDays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Raising and handling immediate safeguarding concerns: saved with the task's case reference, then the
 * {@code immediate-safeguarding-concern} process routes a response task, due in one working day, to the QA
 * lead and the lead agency, and escalates it when nobody answers in time.
 */
@Component
public class Concerns {

  public static final String SUBJECT_TYPE = "concern";
  static final String MESSAGE = "safeguarding-concern-raised";

  private final ConcernRepository concerns;
  private final CamundaClient client;
  private final WorkingDays workingDays;
  private final TaskDirectory tasks;
  private final Notifier notifier;
  private final People people;
  private final AccessLog accessLog;
  private final TransactionTemplate tx;
  private final org.springframework.context.ApplicationEventPublisher events;
  private final String leadAgency;

  Concerns(ConcernRepository concerns, CamundaClient client, WorkingDays workingDays, TaskDirectory tasks,
      Notifier notifier, People people, AccessLog accessLog, TransactionTemplate tx,
      org.springframework.context.ApplicationEventPublisher events,
      @Value("${partnershipqa.concern.lead-agency:csc}") String leadAgency) {
    this.concerns = concerns;
    this.client = client;
    this.workingDays = workingDays;
    this.tasks = tasks;
    this.notifier = notifier;
    this.people = people;
    this.accessLog = accessLog;
    this.tx = tx;
    this.events = events;
    this.leadAgency = leadAgency;
  }

  /** Saves the concern from a task the person may see, and queues its workflow. */
  @Transactional
  public SafeguardingConcern raise(Task task, String description, PartnershipUser by) {
    if (task.getCaseReference() == null) {
      throw new IllegalArgumentException("This task is not about a child");
    }
    Instant now = Instant.now();
    Long roundId = "audit-round".equals(task.getSubjectType()) ? Long.valueOf(task.getSubjectId()) : null;
    ZonedDateTime respondBy = workingDays.oneWorkingDayAfter(now.atZone(WorkingDays.LONDON));
    SafeguardingConcern concern = concerns.save(new SafeguardingConcern(roundId, task.getCaseReference(),
        by.username(), by.agencyCode(), leadAgency, description.trim(), now, respondBy.toInstant()));
    accessLog.record(AccessAction.CREATE, "safeguarding-concern", String.valueOf(concern.getId()),
        task.getCaseReference(), "immediate concern raised");
    List<String> to = new ArrayList<>(people.roleEmails(Role.QA_LEAD));
    to.addAll(people.agencyEmails(leadAgency));
    notifier.notify("concern-raised:" + concern.getId(), to,
        "URGENT: immediate safeguarding concern for case " + task.getCaseReference(),
        "An auditor (" + by.agencyName() + ") believes a child may be at risk of harm now.\n\nCase reference: "
            + task.getCaseReference() + "\n\n" + description.trim()
            + "\n\nA response task is in Partnership QA, due by " + respondBy.toLocalDateTime() + " (London time).");
    events.publishEvent(new ConcernRaised(concern.getId()));
    return concern;
  }

  @Async
  @TransactionalEventListener
  void start(ConcernRaised event) {
    SafeguardingConcern c = tx.execute(status -> concerns.findById(event.concernId()).orElse(null));
    if (c == null) {
      return;
    }
    try {
      client.newPublishMessageCommand().messageName(MESSAGE).correlationKey("concern-" + c.getId())
          .messageId("raise-concern-" + c.getId()).timeToLive(Duration.ZERO)
          .variables(Map.of("concernId", c.getId(), "subjectType", SUBJECT_TYPE, "subjectId", String.valueOf(c.getId()),
              "caseReference", c.getCaseReference(), "leadAgency", c.getLeadAgency(),
              "respondBy", c.getRespondBy().atZone(WorkingDays.LONDON).toOffsetDateTime().toString()))
          .send().join();
    } catch (ClientStatusException e) {
      if (e.getStatusCode() != Code.ALREADY_EXISTS) {
        throw e;
      }
    }
  }

  @JobWorker(type = "concern.record-response", fetchVariables = {"concernId", "caseReference"})
  @Transactional
  public void recordResponse(@Variable long concernId, @Variable String caseReference) {
    SafeguardingConcern c = concern(concernId);
    TaskDirectory.Submission s = tasks.latestSubmission(SUBJECT_TYPE, String.valueOf(concernId), caseReference,
        "respondToConcern", null).orElseThrow(() -> new IllegalStateException("No response to concern " + concernId));
    c.responded(String.valueOf(s.answers().get("actionTaken")), String.valueOf(s.answers().get("riskManaged")),
        s.submittedBy(), s.submittedAt());
  }

  @JobWorker(type = "concern.escalate", fetchVariables = {"concernId"})
  @Transactional
  public void escalate(@Variable long concernId) {
    SafeguardingConcern c = concern(concernId);
    if (c.escalate(Instant.now())) {
      List<String> to = new ArrayList<>(people.roleEmails(Role.QA_LEAD));
      to.addAll(people.agencyEmails(c.getLeadAgency()));
      notifier.notify("concern-escalated:" + c.getId(), to,
          "ESCALATION: immediate safeguarding concern for case " + c.getCaseReference() + " not yet actioned",
          "The concern raised " + c.getRaisedAt() + " has had no recorded response within one working day.");
    }
  }

  @Transactional(readOnly = true)
  public List<SafeguardingConcern> all() {
    return concerns.findAllByOrderByRaisedAtDesc();
  }

  private SafeguardingConcern concern(long id) {
    return concerns.findById(id).orElseThrow(() -> new NoSuchElementException("No concern " + id));
  }
}
