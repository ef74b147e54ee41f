package org.partnershipqa.database;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Resolves {@code partnershipqa.data-dir} once, so every component that keeps data (database, engine) sees
 * the same directory even when the setting holds a placeholder such as {@code ${random.uuid}}.
 */
public class DataDirectoryEnvironment implements EnvironmentPostProcessor, Ordered {

  public static final String DATA_DIR = "partnershipqa.data-dir";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
    String dir = env.getProperty(DATA_DIR, "./data");
    env.getPropertySources().addFirst(new MapPropertySource("pinnedDataDirectory", Map.of(DATA_DIR, dir)));
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
