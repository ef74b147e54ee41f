package org.partnershipqa.engine;

/** Job presence read from the embedded engine's own state store: exact and cheap. */
class EmbeddedEngineJobs implements EngineJobs {

  private final EmbeddedEngine engine;

  EmbeddedEngineJobs(EmbeddedEngine engine) {
    this.engine = engine;
  }

  @Override
  public Presence presence(long jobKey) {
    if (!engine.isRunning()) {
      return Presence.UNKNOWN;
    }
    return engine.hasJob(jobKey) ? Presence.PRESENT : Presence.GONE;
  }
}
