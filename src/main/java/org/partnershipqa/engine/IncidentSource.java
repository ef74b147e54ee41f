package org.partnershipqa.engine;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Where open incidents and failing jobs are read from: the embedded engine's state, or a cluster's search API. */
interface IncidentSource {

  /** Open incidents; empty when the engine cannot be read now (not the same as "none"). */
  Optional<List<Incident>> open();

  /** One open incident; empty when there is none or the engine cannot be read now. */
  Optional<Incident> find(long incidentKey);

  /** Number of open incidents; empty when unknown now. */
  OptionalLong count();

  /** Number of jobs that failed and still have retries left; empty when unknown now. */
  OptionalLong failingJobs();
}
