package org.partnershipqa.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.Topology;
import java.time.Duration;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** Reports the workflow engine as UP when its topology can be read (gateway and brokers reachable). */
@Component("engine")
class EngineHealthIndicator extends AbstractHealthIndicator {

  private final CamundaClient client;
  private final EngineProperties properties;

  EngineHealthIndicator(CamundaClient client, EngineProperties properties) {
    super("Workflow engine health check failed");
    this.client = client;
    this.properties = properties;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    Topology topology = client.newTopologyRequest().requestTimeout(Duration.ofSeconds(5)).send().join();
    builder.withDetail("mode", properties.mode().name().toLowerCase())
        .withDetail("gatewayVersion", topology.getGatewayVersion())
        .withDetail("brokers", topology.getBrokers().size())
        .withDetail("partitions", topology.getPartitionsCount());
    if (topology.getBrokers().isEmpty()) {
      builder.down();
    } else {
      builder.up();
    }
  }
}
