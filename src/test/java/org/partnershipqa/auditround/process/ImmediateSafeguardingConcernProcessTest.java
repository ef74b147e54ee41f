package org.partnershipqa.auditround.process;

import org.partnershipqa.support.ProcessEngineFixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.partnershipqa.support.ProcessEngineFixture.FORM_KEY;
import static org.partnershipqa.support.ProcessEngineFixture.candidateGroups;
import static org.partnershipqa.support.ProcessEngineFixture.dueDate;

import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** bpmn/immediate-safeguarding-concern.bpmn on the embedded engine. */
class ImmediateSafeguardingConcernProcessTest {

  private static final String PROCESS = "immediate-safeguarding-concern";

  private ProcessEngineFixture zeebe;
  private OffsetDateTime respondBy;

  @BeforeEach
  void startEngine() {
    zeebe = new ProcessEngineFixture("immediate-safeguarding-concern.bpmn");
    respondBy = zeebe.engineNow().plusDays(1);
  }

  @AfterEach
  void stopEngine() {
    zeebe.close();
  }

  private long raise() {
    return zeebe.start(PROCESS, Map.of(
        "concernId", 7,
        "subjectType", "concern",
        "subjectId", "7",
        "caseReference", "C-4001",
        "leadAgency", "police",
        "respondBy", respondBy.toString()));
  }

  private static Map<String, Object> response() {
    return Map.of("actionTaken", "Strategy discussion held; child placed with grandparent", "riskManaged", "yes");
  }

  @Test
  void anUnansweredConcernIsEscalatedOnceAndStillEndsWhenAnswered() {
    long concern = raise();
    ActivatedJob respond = zeebe.awaitUserTasks("respondToConcern", 1).get(0);
    assertThat(candidateGroups(respond)).containsExactly("qa-lead", "police");
    assertThat(respond.getCustomHeaders()).containsEntry(FORM_KEY, "concern-response");
    assertThat(dueDate(respond)).isEqualTo(respondBy.toInstant());
    zeebe.assertNoJobs("concern.escalate", null);

    zeebe.increaseTime(Duration.ofDays(1).plusHours(1));
    zeebe.completeAll(zeebe.awaitJobs("concern.escalate", 1));
    zeebe.increaseTime(Duration.ofDays(2));
    zeebe.assertNoJobs("concern.escalate", null);

    zeebe.complete(respond, response());
    zeebe.completeAll(zeebe.awaitJobs("concern.record-response", 1));

    zeebe.assertInstance(concern)
        .isCompleted()
        .hasNoIncidents()
        .hasPassedElementsInOrder("concernRaised", "responseOverdue", "escalateConcern", "escalated",
            "respondToConcern", "recordConcernResponse", "concernActioned");
  }

  @Test
  void aConcernAnsweredInTimeIsNotEscalated() {
    long concern = raise();
    zeebe.complete(zeebe.awaitUserTasks("respondToConcern", 1).get(0), response());
    zeebe.completeAll(zeebe.awaitJobs("concern.record-response", 1));
    zeebe.increaseTime(Duration.ofDays(2));
    zeebe.assertNoJobs("concern.escalate", null);
    zeebe.assertInstance(concern).isCompleted().hasNotPassedElement("escalateConcern");
  }
}
