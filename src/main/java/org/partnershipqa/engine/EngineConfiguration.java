package org.partnershipqa.engine;

import io.camunda.client.CamundaClient;
import java.nio.file.Path;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EngineProperties.class)
class EngineConfiguration {

  @Bean
  @ConditionalOnProperty(name = "partnershipqa.engine.mode", havingValue = "embedded", matchIfMissing = true)
  EmbeddedEngine embeddedEngine(EngineProperties properties, @Value("${partnershipqa.data-dir:./data}") String dataDir) {
    return new EmbeddedEngine(properties.embeddedPort(), EngineFiles.directoryIn(Path.of(dataDir)));
  }

  @Bean
  EngineJobs engineJobs(ObjectProvider<EmbeddedEngine> embedded, CamundaClient client) {
    EmbeddedEngine engine = embedded.getIfAvailable();
    return engine != null ? new EmbeddedEngineJobs(engine) : new RemoteEngineJobs(client);
  }

  /** Incidents from the embedded engine's own state, or from a cluster's search API in remote mode. */
  @Bean
  IncidentSource incidentSource(ObjectProvider<EmbeddedEngine> embedded, IncidentSightings sightings,
      ProcessModels models, CamundaClient client) {
    EmbeddedEngine engine = embedded.getIfAvailable();
    return engine != null
        ? new EmbeddedIncidentSource(engine, sightings, models)
        : new RemoteIncidentSource(client, models);
  }

  @Bean
  Incidents incidents(IncidentSource source, CamundaClient client) {
    return new Incidents(source, client);
  }
}
