package org.partnershipqa.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.DeployResourceCommandStep1;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.response.DeploymentEvent;
import io.grpc.Status.Code;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Deploys every shipped model and form at start-up, in one deployment.
 *
 * <p>The engine versions resources itself: an unchanged resource is recognised by its checksum and not
 * deployed again. A model the engine rejects stops start-up with the engine's message. An engine that is not
 * reachable yet (a cluster still starting) is retried until {@code partnershipqa.engine.deploy-timeout}.
 */
@Component
class ModelDeployer implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ModelDeployer.class);

  private final CamundaClient client;
  private final ProcessModels models;
  private final EngineProperties properties;
  private volatile boolean running;

  ModelDeployer(CamundaClient client, ProcessModels models, EngineProperties properties) {
    this.client = client;
    this.models = models;
    this.properties = properties;
  }

  @Override
  public void start() {
    if (models.resources().isEmpty()) {
      log.warn("No models or forms found to deploy");
      running = true;
      return;
    }
    Instant giveUp = Instant.now().plus(properties.deployTimeout());
    while (true) {
      try {
        DeploymentEvent event = deploy();
        event.getProcesses().forEach(p -> log.info("Deployed process {} version {}", p.getBpmnProcessId(), p.getVersion()));
        event.getForm().forEach(f -> log.info("Deployed form {} version {}", f.getFormId(), f.getVersion()));
        running = true;
        return;
      } catch (ClientStatusException e) {
        boolean transientFailure = e.getStatusCode() == Code.UNAVAILABLE || e.getStatusCode() == Code.DEADLINE_EXCEEDED;
        if (!transientFailure || Instant.now().isAfter(giveUp)) {
          throw new IllegalStateException("The workflow engine refused the models: " + e.getMessage(), e);
        }
        log.warn("Workflow engine not reachable yet ({}); retrying deployment", e.getMessage());
        pause();
      }
    }
  }

  private DeploymentEvent deploy() {
    DeployResourceCommandStep1 command = client.newDeployResourceCommand();
    DeployResourceCommandStep2 step = null;
    for (ProcessModels.ModelResource resource : models.resources()) {
      step = step == null
          ? command.addResourceBytes(resource.content(), resource.name())
          : step.addResourceBytes(resource.content(), resource.name());
    }
    return step.send().join();
  }

  private static void pause() {
    try {
      Thread.sleep(Duration.ofSeconds(2)); // back-off between connection attempts to a starting cluster
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the workflow engine", e);
    }
  }

  @Override
  public void stop() {
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** After the embedded engine, before the Camunda client opens its job workers. */
  @Override
  public int getPhase() {
    return 0;
  }
}
