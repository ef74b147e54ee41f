package org.partnershipqa.auditround;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status.Code;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.partnershipqa.workingdays.WorkingDays;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts a launched round's workflow after the launch committed. The round's process has a message start
 * event: a message with the round's correlation key starts at most one instance while one is active, so a
 * retry after a crash cannot start the round twice. Failures leave the event incomplete and it is retried.
 */
@Component
class RoundStarter {

  static final String MESSAGE = "audit-round-launched";

  private final CamundaClient client;
  private final AuditRoundRepository rounds;
  private final SampledChildRepository children;
  private final TransactionTemplate tx;

  RoundStarter(CamundaClient client, AuditRoundRepository rounds, SampledChildRepository children,
      TransactionTemplate tx) {
    this.client = client;
    this.rounds = rounds;
    this.children = children;
    this.tx = tx;
  }

  @Async
  @TransactionalEventListener
  void on(RoundLaunched event) {
    Map<String, Object> variables = tx.execute(status -> variables(event.roundId()));
    if (variables == null) {
      return;
    }
    try {
      client.newPublishMessageCommand().messageName(MESSAGE).correlationKey("round-" + event.roundId())
          .messageId("launch-round-" + event.roundId()).timeToLive(Duration.ZERO).variables(variables)
          .send().join();
    } catch (ClientStatusException e) {
      if (e.getStatusCode() != Code.ALREADY_EXISTS) {
        throw e;
      }
    }
    tx.executeWithoutResult(status -> rounds.findById(event.roundId()).ifPresent(AuditRound::started));
  }

  private Map<String, Object> variables(long roundId) {
    AuditRound round = rounds.findById(roundId).orElse(null);
    if (round == null || round.getState() != RoundState.LAUNCHING) {
      return null;
    }
    List<Map<String, Object>> sample = children.findByRoundIdOrderByIdAsc(roundId).stream()
        .map(c -> Map.<String, Object>of("caseReference", c.getCaseReference(), "agencies", c.getAgencies()))
        .toList();
    // deadline and reminderAt are also what rounds on the version 1 model read; agency requests (bpmn/agency-request.bpmn)
    // work out the reminder themselves from the theme's lead time and day rule
    return Map.of(
        "roundId", roundId,
        "subjectType", AuditRounds.SUBJECT_TYPE,
        "subjectId", String.valueOf(roundId),
        "children", sample,
        "deadline", WorkingDays.endOfDay(round.getDeadline()).toOffsetDateTime().toString(),
        "reminderAt", round.getReminderDate().atTime(9, 0).atZone(WorkingDays.LONDON).toOffsetDateTime().toString(),
        "reminderLeadDays", round.getTheme().getReminderDays(),
        "workingDays", round.getTheme().isWorkingDays());
  }
}
