package org.partnershipqa.engine;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the workflow engine connection.
 *
 * @param mode embedded (default) or remote
 * @param embeddedPort gRPC port of the embedded engine's gateway; 0 picks a free port
 * @param deployTimeout how long start-up keeps trying to reach the engine to deploy the models
 */
@ConfigurationProperties("partnershipqa.engine")
public record EngineProperties(EngineMode mode, Integer embeddedPort, Duration deployTimeout) {

  public EngineProperties {
    mode = mode == null ? EngineMode.EMBEDDED : mode;
    embeddedPort = embeddedPort == null ? 26500 : embeddedPort;
    deployTimeout = deployTimeout == null ? Duration.ofMinutes(2) : deployTimeout;
  }

  public boolean embedded() {
    return mode == EngineMode.EMBEDDED;
  }
}
