package org.partnershipqa.briefing;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Asks the PQA sub-group to sign off a briefing revised after publication: starts {@code bpmn/briefing-sign-off.bpmn}
 * by its message start event. The request is an event in the publication registry, retried until the engine took
 * it; the correlation key starts at most one sign-off per briefing while one is running.
 */
@Component
class BriefingSignOffStarter {

  static final String MESSAGE = "briefing-revision-submitted";

  private final CamundaClient client;

  BriefingSignOffStarter(CamundaClient client) {
    this.client = client;
  }

  @ApplicationModuleListener
  void on(BriefingSignOffRequested request) {
    String briefing = "briefing-" + request.subjectType() + "-" + request.subjectId();
    client.newPublishMessageCommand().messageName(MESSAGE).correlationKey(briefing)
        .messageId(briefing + "-v" + request.version()).timeToLive(Duration.ZERO)
        .variables(Map.of("subjectType", request.subjectType(), "subjectId", request.subjectId()))
        .send().join();
  }
}
