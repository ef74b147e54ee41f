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
  private final org.springframework.beans.factory.ObjectProvider<EmbeddedEngine> embedded;

  EngineHealthIndicator(CamundaClient client, EngineProperties properties,
      org.springframework.beans.factory.ObjectProvider<EmbeddedEngine> embedded) {
    super("Workflow engine health check failed");
    this.client = client;
    this.properties = properties;
    this.embedded = embedded;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    Topology topology = client.newTopologyRequest().requestTimeout(Duration.ofSeconds(5)).send().join();
    builder.withDetail("mode", properties.mode().name().toLowerCase())
        .withDetail("gatewayVersion", topology.getGatewayVersion())
        .withDetail("brokers", topology.getBrokers().size())
        .withDetail("partitions", topology.getPartitionsCount());
    EmbeddedEngine engine = embedded.getIfAvailable();
    if (engine != null) {
      engine.status().ifPresent(st -> {
        builder.withDetail("logBytes", st.logBytes())
            .withDetail("logBlocks", st.logBlocks()).withDetail("snapshotPosition", st.snapshotPosition())
            .withDetail("lastReplayMillis", st.lastReplay().toMillis()).withDetail("durable", st.healthy());
        if (st.snapshotAt() != null) {
          builder.withDetail("snapshotAt", st.snapshotAt().toString());
        }
      });
      if (engine.status().map(st -> !st.healthy()).orElse(true)) {
        builder.down();
        return;
      }
    }
    if (topology.getBrokers().isEmpty()) {
      builder.down();
    } else {
      builder.up();
    }
  }
}
