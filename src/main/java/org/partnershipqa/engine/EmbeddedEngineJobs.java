package org.partnershipqa.engine;

/** Job presence read from the embedded engine's own state store: exact and cheap. */
class EmbeddedEngineJobs implements EngineJobs {

  private final EmbeddedEngine engine;

  EmbeddedEngineJobs(EmbeddedEngine engine) {
    this.engine = engine;
  }

  @Override
  public Presence presence(long jobKey) {
    return engine.state().flatMap(state -> state.hasJob(jobKey))
        .map(has -> has ? Presence.PRESENT : Presence.GONE).orElse(Presence.UNKNOWN);
  }
}
