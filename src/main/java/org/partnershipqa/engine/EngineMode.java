package org.partnershipqa.engine;

/** Where the Zeebe workflow engine runs. */
public enum EngineMode {
  /**
   * A Zeebe engine inside this JVM: evaluation, development, tests and training. Its modules are under the Camunda
   * License 1.0 (non-production use only), see {@link EngineLicence}.
   */
  EMBEDDED,
  /** A Camunda 8 orchestration cluster reached through the standard {@code camunda.client.*} settings. */
  REMOTE
}
