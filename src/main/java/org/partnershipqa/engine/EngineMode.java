package org.partnershipqa.engine;

/** Where the Zeebe workflow engine runs. */
public enum EngineMode {
  /** A Zeebe engine inside this JVM: first runs, development, tests and small single-machine installs. */
  EMBEDDED,
  /** A Camunda 8 orchestration cluster reached through the standard {@code camunda.client.*} settings. */
  REMOTE
}
