package org.partnershipqa.tasks;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.ProblemException;
import io.grpc.Status.Code;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Completes a user task job in the engine. Part of the job-worker user task adapter. */
@Component
class UserTaskCompleter {

  enum Outcome {
    COMPLETED,
    /** The engine has no such job: its process was cancelled, or the job was completed already. */
    JOB_GONE
  }

  private final CamundaClient client;
  private final Duration timeout;

  UserTaskCompleter(CamundaClient client,
      @Value("${partnershipqa.handoff.request-timeout:PT10S}") Duration timeout) {
    this.client = client;
    this.timeout = timeout;
  }

  /** @throws RuntimeException when the engine could not be reached or failed; the caller retries later */
  Outcome complete(long jobKey, Map<String, Object> variables) {
    try {
      client.newCompleteCommand(jobKey).variables(variables).requestTimeout(timeout).send().join();
      return Outcome.COMPLETED;
    } catch (ClientStatusException e) {
      if (e.getStatusCode() == Code.NOT_FOUND) {
        return Outcome.JOB_GONE;
      }
      throw e;
    } catch (ProblemException e) {
      if (e.code() == 404) {
        return Outcome.JOB_GONE;
      }
      throw e;
    }
  }
}
