package org.partnershipqa.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * In embedded mode, points the Camunda client at the in-process engine before any bean reads its settings.
 *
 * <p>The embedded engine has a gRPC gateway only (no REST API), so the client must prefer gRPC. A port of 0
 * is resolved to a free port here, once, so the engine and the client agree on it.
 */
public class EmbeddedEngineEnvironment implements EnvironmentPostProcessor, Ordered {

  static final String PORT = "partnershipqa.engine.embedded-port";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
    String mode = env.getProperty("partnershipqa.engine.mode", "embedded");
    if (!"embedded".equalsIgnoreCase(mode)) {
      return;
    }
    int port = env.getProperty(PORT, Integer.class, 26500);
    if (port == 0) {
      port = freePort();
    }
    Map<String, Object> props = new HashMap<>();
    props.put(PORT, port);
    props.put("camunda.client.mode", "self-managed");
    props.put("camunda.client.grpc-address", "http://localhost:" + port);
    props.put("camunda.client.rest-address", "http://localhost:" + port);
    props.put("camunda.client.prefer-rest-over-grpc", false);
    props.put("camunda.client.auth.method", "none");
    env.getPropertySources().addFirst(new MapPropertySource("embeddedEngine", props));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port for the embedded engine", e);
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
