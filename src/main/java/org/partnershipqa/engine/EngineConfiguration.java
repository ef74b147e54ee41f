package org.partnershipqa.engine;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EngineProperties.class)
class EngineConfiguration {

  @Bean
  @ConditionalOnProperty(name = "partnershipqa.engine.mode", havingValue = "embedded", matchIfMissing = true)
  EmbeddedEngine embeddedEngine(EngineProperties properties,
      @org.springframework.beans.factory.annotation.Value("${partnershipqa.data-dir:./data}") String dataDir) {
    return new EmbeddedEngine(properties.embeddedPort(),
        EngineFiles.directoryIn(java.nio.file.Path.of(dataDir)));
  }
}
