package org.partnershipqa.engine;

/** What the application may ask the workflow engine about a job it was handed earlier. */
public interface EngineJobs {

  enum Presence {
    /** The engine still has the job: it can be completed. */
    PRESENT,
    /** The job is finished or was cancelled (e.g. its process was terminated). */
    GONE,
    /** The engine could not say (unreachable, or a remote cluster that has not indexed the job yet). */
    UNKNOWN
  }

  Presence presence(long jobKey);
}
