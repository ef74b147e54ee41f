package org.partnershipqa.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.TransactionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Which failures mean "the database cannot be reached" (503, try again later) and which do not. */
class DatabaseUnavailableTest {

  @Test
  void thePoolGivingUpOnAConnectionAtTheStartOfATransaction() {
    var timeout = new SQLTransientConnectionException(
        "embedded-postgres - Connection is not available, request timed out after 3000ms");
    var jdbc = new org.hibernate.exception.JDBCConnectionException("Unable to acquire JDBC Connection", timeout);
    assertThat(DatabaseUnavailable.isCauseOf(
        new CannotCreateTransactionException("Could not open JPA EntityManager for transaction", jdbc))).isTrue();
  }

  @Test
  void theServerRefusingOrDroppingTheConnectionOrShuttingDown() {
    assertThat(DatabaseUnavailable.isCauseOf(new PSQLException("Connection refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT,
        new ConnectException("Connection refused")))).isTrue();
    assertThat(DatabaseUnavailable.isCauseOf(new RuntimeException(
        new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE))))
        .isTrue();
    assertThat(DatabaseUnavailable.isCauseOf(
        new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
    assertThat(DatabaseUnavailable.isCauseOf(new SQLException("the database system is starting up", "57P03")))
        .isTrue();
  }

  @Test
  void aRollbackOnAConnectionThePoolAlreadyDroppedHidingTheOriginalFailure() {
    assertThat(DatabaseUnavailable.isCauseOf(new JpaSystemException(new TransactionException(
        "Unable to rollback against JDBC Connection", new SQLException("Connection is closed"))))).isTrue();
  }

  @Test
  void otherDatabaseFailuresAreNotAnOutage() {
    assertThat(DatabaseUnavailable.isCauseOf(new DataIntegrityViolationException("duplicate key",
        new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
    assertThat(DatabaseUnavailable.isCauseOf(new SQLException("syntax error", "42601"))).isFalse();
    assertThat(DatabaseUnavailable.isCauseOf(new IllegalStateException("No signed-in user"))).isFalse();
    assertThat(DatabaseUnavailable.isCauseOf(new SQLException("Connection is closed", "42000"))).isFalse();
  }
}
