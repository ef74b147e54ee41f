package org.partnershipqa.engine.durable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.db.ColumnFamily;
import io.camunda.zeebe.db.TransactionContext;
import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.db.impl.DbLong;
import io.camunda.zeebe.engine.state.immutable.JobState;
import io.camunda.zeebe.engine.state.instance.Incident;
import io.camunda.zeebe.engine.state.instance.JobRecordValue;
import io.camunda.zeebe.engine.state.instance.JobStateValue;
import io.camunda.zeebe.engine.state.variable.DbVariableState;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.camunda.zeebe.protocol.impl.encoding.MsgPackConverter;
import io.camunda.zeebe.protocol.impl.record.value.incident.IncidentRecord;
import io.camunda.zeebe.protocol.impl.record.value.job.JobRecord;
import io.camunda.zeebe.util.buffer.BufferUtil;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.agrona.DirectBuffer;

/**
 * A read-only view of the running engine's own state (Zeebe's RocksDB store): its open incidents and
 * its jobs that failed with retries left.
 *
 * <p>This is the state the engine itself works from. It is rebuilt from the newest snapshot and the
 * log after it on every start, so it is complete after a restart and after log compaction, unlike a
 * fold over the record stream (compaction drops the old records).
 *
 * <p>Reads run on the caller's thread in a transaction context of their own while the engine goes on
 * processing (RocksDB allows concurrent readers; each read sees committed state). One read at a time.
 * Before the engine is ready and once {@link #close()} ran (the engine is stopping and its store is
 * about to close) every read answers "not available".
 */
public final class EngineState {

  /** An open incident as the engine holds it, with the values of the requested variables in scope. */
  public record OpenIncident(
      long key,
      String bpmnProcessId,
      long processDefinitionKey,
      long processInstanceKey,
      String elementId,
      long elementInstanceKey,
      long variableScopeKey,
      long jobKey,
      String errorType,
      String errorMessage,
      Map<String, String> variables) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ZeebeDb<ZbColumnFamilies> db;
  private final BooleanSupplier readable;
  private final ReentrantLock lock = new ReentrantLock();
  private boolean closed;

  // created on first use, on one transaction context (each new context stays open until the store closes)
  private TransactionContext context;
  private DbLong lookup;
  private ColumnFamily<DbLong, Incident> incidents;
  private ColumnFamily<DbLong, JobStateValue> jobStates;
  private ColumnFamily<DbLong, JobRecordValue> jobs;
  private DbVariableState variables;

  EngineState(final ZeebeDb<ZbColumnFamilies> db, final BooleanSupplier readable) {
    this.db = db;
    this.readable = readable;
  }

  /** Number of open incidents; empty when the state cannot be read now. */
  public OptionalLong incidentCount() {
    return read(() -> incidents.count()).map(OptionalLong::of).orElse(OptionalLong.empty());
  }

  /**
   * Every open incident, in key order (oldest first), with the values of {@code variableNames} as
   * seen from the incident's scope (the nearest enclosing scope that has each); empty when the state
   * cannot be read now.
   */
  public Optional<List<OpenIncident>> incidents(final List<String> variableNames) {
    return read(
        () -> {
          final List<OpenIncident> found = new ArrayList<>();
          incidents.forEach((k, incident) -> found.add(fields(k.getValue(), incident.getRecord())));
          final List<OpenIncident> open = new ArrayList<>(found.size());
          for (OpenIncident incident : found) {
            open.add(withVariables(incident, variableNames));
          }
          return open;
        });
  }

  /** One open incident by key; empty when there is none or the state cannot be read now. */
  public Optional<OpenIncident> incident(final long incidentKey, final List<String> variableNames) {
    return read(
            () -> {
              lookup.wrapLong(incidentKey);
              final Incident incident = incidents.get(lookup);
              if (incident == null) {
                return Optional.<OpenIncident>empty();
              }
              return Optional.of(withVariables(fields(incidentKey, incident.getRecord()), variableNames));
            })
        .flatMap(o -> o);
  }

  /**
   * Number of live jobs whose last attempt failed and that still have retries left, waiting for their
   * next attempt (in back-off, or activatable again). A job a worker holds again is not counted (it
   * is being retried), nor one out of retries (that is an incident). Empty when not readable now.
   */
  public OptionalLong failingJobCount() {
    return read(
            () -> {
              final long[] failing = new long[1];
              forEachJob(
                  s -> s == JobState.State.FAILED || s == JobState.State.ACTIVATABLE,
                  (jobKey, job) -> {
                    if (job.getRetries() > 0 && !job.getErrorMessage().isEmpty()) {
                      failing[0]++;
                    }
                  });
              return failing[0];
            })
        .map(OptionalLong::of)
        .orElse(OptionalLong.empty());
  }

  /**
   * Every job a worker holds (activated, not yet completed, failed or timed out), with its type; empty
   * when the state cannot be read now.
   */
  public Optional<List<HeldJob>> activatedJobs() {
    return read(
        () -> {
          final List<HeldJob> held = new ArrayList<>();
          forEachJob(
              s -> s == JobState.State.ACTIVATED,
              (jobKey, job) ->
                  held.add(new HeldJob(jobKey, job.getType(), job.getDeadline(), job.getRetries())));
          return held;
        });
  }

  /** Whether the engine still has the job (in any state); empty when the state cannot be read now. */
  public Optional<Boolean> hasJob(final long jobKey) {
    return read(
        () -> {
          lookup.wrapLong(jobKey);
          return jobStates.get(lookup) != null;
        });
  }

  /**
   * Visits every job in one of the given states with its record (inside {@link #read}). Keys are
   * collected first, so no record lookup runs inside the column family's iteration.
   */
  private void forEachJob(
      final Predicate<JobState.State> inState, final BiConsumer<Long, JobRecord> visit) {
    final List<Long> keys = new ArrayList<>();
    jobStates.forEach(
        (k, state) -> {
          if (inState.test(state.getState())) {
            keys.add(k.getValue());
          }
        });
    for (long jobKey : keys) {
      lookup.wrapLong(jobKey);
      final JobRecordValue value = jobs.get(lookup);
      if (value != null) {
        visit.accept(jobKey, value.getRecord());
      }
    }
  }

  /** From now on nothing is read: the engine is stopping and its store will be closed. */
  void close() {
    lock.lock();
    try {
      closed = true;
    } finally {
      lock.unlock();
    }
  }

  private <T> Optional<T> read(final Supplier<T> query) {
    lock.lock();
    try {
      if (closed || !readable.getAsBoolean()) {
        return Optional.empty();
      }
      if (context == null) {
        context = db.createContext();
        lookup = new DbLong();
        incidents = db.createColumnFamily(ZbColumnFamilies.INCIDENTS, context, new DbLong(), new Incident());
        jobStates =
            db.createColumnFamily(ZbColumnFamilies.JOB_STATES, context, new DbLong(), new JobStateValue());
        jobs = db.createColumnFamily(ZbColumnFamilies.JOBS, context, new DbLong(), new JobRecordValue());
        variables = new DbVariableState(db, context);
      }
      final Object[] result = new Object[1];
      context.runInTransaction(() -> result[0] = query.get());
      @SuppressWarnings("unchecked")
      final T value = (T) result[0];
      return Optional.ofNullable(value);
    } finally {
      lock.unlock();
    }
  }

  /** The incident's fields, copied out of the (reused) value object; no variables yet. */
  private static OpenIncident fields(final long incidentKey, final IncidentRecord record) {
    final long scope =
        record.getVariableScopeKey() > 0 ? record.getVariableScopeKey() : record.getElementInstanceKey();
    return new OpenIncident(
        incidentKey,
        record.getBpmnProcessId(),
        record.getProcessDefinitionKey(),
        record.getProcessInstanceKey(),
        record.getElementId(),
        record.getElementInstanceKey(),
        scope,
        record.getJobKey(),
        record.getErrorType().name(),
        record.getErrorMessage(),
        Map.of());
  }

  private OpenIncident withVariables(final OpenIncident incident, final List<String> variableNames) {
    final Map<String, String> values = new LinkedHashMap<>();
    for (String name : variableNames) {
      final DirectBuffer value =
          incident.variableScopeKey() > 0
              ? variables.getVariable(incident.variableScopeKey(), BufferUtil.wrapString(name))
              : null;
      if (value != null) {
        values.put(name, text(MsgPackConverter.convertToJson(value)));
      }
    }
    return new OpenIncident(
        incident.key(),
        incident.bpmnProcessId(),
        incident.processDefinitionKey(),
        incident.processInstanceKey(),
        incident.elementId(),
        incident.elementInstanceKey(),
        incident.variableScopeKey(),
        incident.jobKey(),
        incident.errorType(),
        incident.errorMessage(),
        Map.copyOf(values));
  }

  /** A JSON value as text: strings and numbers plain, anything else as JSON. */
  private static String text(final String json) {
    try {
      final JsonNode node = JSON.readTree(json);
      return node.isValueNode() ? node.asText() : json;
    } catch (IOException e) {
      return json;
    }
  }
}
