package org.partnershipqa.database;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Tells a failure because the database cannot be reached (stopped, restarting, network) from other failures, so
 * that pages, the API, sign-in and background work can say so and try again later instead of failing for good.
 */
public final class DatabaseUnavailable {

  /** What a person is told, wherever they are. */
  public static final String MESSAGE = "The service cannot reach its database right now. Nothing you sent was "
      + "saved. Please try again in a few minutes.";

  private static final String HIKARI_CLOSED = "Connection is closed";

  private DatabaseUnavailable() {}

  /**
   * Whether the database being unreachable is the cause of this failure: somewhere in its causes the pool gave up
   * waiting for a connection, the driver could not connect or lost its connection (SQL state class 08), or the
   * server is shutting down, crashed or starting up (57P01, 57P02, 57P03), or a rollback failed on a connection the
   * pool had already dropped as broken.
   */
  public static boolean isCauseOf(Throwable failure) {
    return isCauseOf(failure, new IdentityHashMap<>());
  }

  private static boolean isCauseOf(Throwable t, Map<Throwable, Boolean> seen) {
    if (t == null || seen.put(t, true) != null) {
      return false;
    }
    if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
        || t instanceof DataAccessResourceFailureException
        || t instanceof org.hibernate.exception.JDBCConnectionException || t instanceof ConnectException) {
      return true;
    }
    if (t instanceof SQLException sql && (isConnectionState(sql.getSQLState())
        // the pool's answer when a transaction is rolled back on a connection it already dropped as broken: the
        // rollback failure then hides the original one
        || (sql.getSQLState() == null && HIKARI_CLOSED.equals(sql.getMessage())))) {
      return true;
    }
    for (Throwable suppressed : t.getSuppressed()) {
      if (isCauseOf(suppressed, seen)) {
        return true;
      }
    }
    return isCauseOf(t.getCause(), seen);
  }

  private static boolean isConnectionState(String sqlState) {
    return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P0"));
  }
}
