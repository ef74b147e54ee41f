package org.partnershipqa.engine.durable;

import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.engine.state.immutable.JobState;
import io.camunda.zeebe.engine.state.instance.DbJobState;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads job state straight from the engine's state store, in a transaction context of its own (as
 * Zeebe's own query service does), so it never disturbs the stream processor and writes nothing.
 */
final class JobStateReader {

  private final ZeebeDb<ZbColumnFamilies> database;

  JobStateReader(final ZeebeDb<ZbColumnFamilies> database) {
    this.database = database;
  }

  /** Every activated job: the deadline index holds exactly those. */
  List<HeldJob> activatedJobs() {
    final List<HeldJob> held = new ArrayList<>();
    jobs().forEachTimedOutEntry(
        Long.MAX_VALUE,
        null,
        (key, job) -> held.add(new HeldJob(key, job.getType(), job.getDeadline(), job.getRetries())));
    return held;
  }

  JobState.State state(final long jobKey) {
    return jobs().getState(jobKey);
  }

  private DbJobState jobs() {
    return new DbJobState(database, database.createContext());
  }
}
