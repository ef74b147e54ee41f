package org.partnershipqa.engine;

import io.camunda.client.exception.JobError;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.DefaultJobExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import io.camunda.client.metrics.MetricsRecorder;
import java.time.Duration;
import org.partnershipqa.database.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How a job worker's failure reaches the engine (replaces the Camunda starter's default strategy). A job that
 * failed because the database cannot be reached is handed back without using up a retry and offered again after
 * a pause, so a database outage of any length ends in no incident: the step simply runs once the database is
 * back. Every other failure is handled as before (a retry used up; an incident when none are left).
 */
@Component
class DatabaseOutageJobHandling implements JobExceptionHandlingStrategy {

  private static final Logger log = LoggerFactory.getLogger(DatabaseOutageJobHandling.class);

  private final JobExceptionHandlingStrategy standard;
  private final Duration backoff;

  DatabaseOutageJobHandling(CommandExceptionHandlingStrategy commands, MetricsRecorder metrics,
      @Value("${partnershipqa.database.outage-retry-backoff:PT15S}") Duration backoff) {
    this.standard = new DefaultJobExceptionHandlingStrategy(commands, metrics);
    this.backoff = backoff;
  }

  @Override
  public void handleException(Exception e, ExceptionHandlingContext context) throws Exception {
    if (!DatabaseUnavailable.isCauseOf(e)) {
      standard.handleException(e, context);
      return;
    }
    int retries = Math.max(context.job().getRetries(), 1);
    log.warn("Job {} ({}) could not run: the database cannot be reached. It is offered again in {} s, retries "
        + "left unchanged ({})", context.job().getKey(), context.job().getType(), backoff.toSeconds(), retries);
    standard.handleException(new JobError("The database cannot be reached: " + e.getMessage(), null, retries,
        backoff, e), context);
  }
}
