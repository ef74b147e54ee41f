package org.partnershipqa.engine;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The Zeebe workflow engine running inside this JVM (embedded mode).
 *
 * <p>It starts in an early lifecycle phase, before the Camunda client opens its job workers and before the
 * models are deployed, and stops after them.
 */
public class EmbeddedEngine implements SmartLifecycle {

  /** Earlier than the deployer and the Camunda client's workers (which use the default phase). */
  static final int PHASE = Integer.MIN_VALUE + 1000;

  private static final Logger log = LoggerFactory.getLogger(EmbeddedEngine.class);

  private final int port;
  private ZeebeTestEngine engine;

  public EmbeddedEngine(int port) {
    this.port = port;
  }

  @Override
  public synchronized void start() {
    engine = EngineFactory.create(port);
    engine.start();
    log.info("Embedded Zeebe engine started, gRPC gateway on port {}", port);
  }

  @Override
  public synchronized void stop() {
    if (engine != null) {
      engine.stop();
      engine = null;
      log.info("Embedded Zeebe engine stopped");
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return engine != null;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }

  /** The running engine: its record stream and controllable clock (used by process tests). */
  public synchronized ZeebeTestEngine engine() {
    if (engine == null) {
      throw new IllegalStateException("The embedded engine is not running");
    }
    return engine;
  }

  public int port() {
    return port;
  }
}
