package org.partnershipqa.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.partnershipqa.backup.Manifest.DatabasePart;
import org.partnershipqa.backup.Manifest.SequenceEntry;
import org.partnershipqa.backup.Manifest.TableEntry;
import org.postgresql.PGConnection;

/**
 * Exports every table of the application's schema through one REPEATABLE READ, READ ONLY transaction, so all
 * tables are read as of one snapshot: {@link #begin} before the consistent instant, {@link #fixSnapshot} at it
 * (its first statement fixes the snapshot), {@link #export} after it. Tables are written with PostgreSQL's
 * {@code COPY ... TO STDOUT} (text format) in UTC and ISO dates, one file per table.
 */
final class DatabaseExport {

  private final Connection connection;
  private final String historyTable;

  private DatabaseExport(Connection connection, String historyTable) {
    this.connection = connection;
    this.historyTable = historyTable;
  }

  /** Prepares the transaction on {@code connection} (no statement runs yet, so no snapshot is taken). */
  static DatabaseExport begin(Connection connection, String historyTable) throws SQLException {
    connection.setAutoCommit(false);
    connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    connection.setReadOnly(true);
    return new DatabaseExport(connection, historyTable);
  }

  /**
   * Runs the transaction's first statement, which fixes its snapshot: from now on it sees exactly what was
   * committed before this instant. Returns the database's clock at that instant.
   */
  Instant fixSnapshot() {
    try (Statement st = connection.createStatement()) {
      st.setQueryTimeout(10); // the engine's log waits meanwhile: never for long
      ResultSet rs = st.executeQuery("select now(), current_setting('transaction_isolation'), "
          + "current_setting('transaction_read_only')");
      rs.next();
      if (!"repeatable read".equals(rs.getString(2)) || !"on".equals(rs.getString(3))) {
        throw new IllegalStateException("The backup transaction is " + rs.getString(2) + ", read only "
            + rs.getString(3) + "; expected repeatable read, read only");
      }
      return rs.getTimestamp(1).toInstant();
    } catch (SQLException e) {
      throw new BackupException("Cannot start the database snapshot: " + e.getMessage(), e);
    }
  }

  /** Writes every table into {@code directory} and describes them; ends the transaction. */
  DatabasePart export(Path directory) throws SQLException, IOException {
    try {
      Files.createDirectories(directory);
      try (Statement st = connection.createStatement()) {
        // output formats that read back the same whatever the server's or the restoring session's settings
        st.execute("set local DateStyle = 'ISO, YMD'");
        st.execute("set local IntervalStyle = 'postgres'");
        st.execute("set local TimeZone = 'UTC'");
        st.execute("set local extra_float_digits = 3");
        st.execute("set local bytea_output = 'hex'");
      }
      String flywayVersion = flywayVersion();
      String serverVersion = single("show server_version");
      List<TableEntry> tables = new ArrayList<>();
      PGConnection pg = connection.unwrap(PGConnection.class);
      for (String table : tables(connection, historyTable)) {
        List<String> columns = columns(connection, table);
        String file = Manifest.DATABASE_DIR + "/" + table + ".copy";
        Path target = directory.resolve(table + ".copy");
        long rows;
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
          rows = pg.getCopyAPI().copyOut("copy " + quote(table) + " (" + columnList(columns) + ") to stdout", out);
        }
        try (FileChannel channel = FileChannel.open(target, StandardOpenOption.READ)) {
          channel.force(true);
        }
        tables.add(new TableEntry(table, columns, rows, file));
      }
      List<SequenceEntry> sequences = new ArrayList<>();
      // sequences are not transactional: these values are at least those of the snapshot, never below an id in it
      try (Statement st = connection.createStatement();
          ResultSet rs = st.executeQuery("select sequencename, last_value from pg_sequences "
              + "where schemaname = current_schema() order by sequencename")) {
        while (rs.next()) {
          String name = rs.getString(1);
          long value = rs.getLong(2);
          sequences.add(new SequenceEntry(name, rs.wasNull() ? null : value));
        }
      }
      connection.commit();
      return new DatabasePart(flywayVersion, serverVersion, tables, sequences);
    } catch (SQLException | IOException | RuntimeException e) {
      connection.rollback();
      throw e;
    }
  }

  private String flywayVersion() throws SQLException {
    String version = single("select version from " + quote(historyTable)
        + " where success and version is not null order by installed_rank desc limit 1");
    if (version == null) {
      throw new BackupException("The database has no applied schema migrations (" + historyTable + " is empty)");
    }
    return version;
  }

  private String single(String sql) throws SQLException {
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  /** The application's tables (ordinary tables of the current schema), Flyway's history excepted, by name. */
  static List<String> tables(Connection connection, String historyTable) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (PreparedStatement st = connection.prepareStatement("select c.relname from pg_class c "
        + "join pg_namespace n on n.oid = c.relnamespace where n.nspname = current_schema() and c.relkind = 'r' "
        + "and not c.relispartition and c.relname <> ? order by c.relname")) {
      st.setString(1, historyTable);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
    }
    return tables;
  }

  /** A table's stored columns (generated columns excepted) in their order. */
  static List<String> columns(Connection connection, String table) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (PreparedStatement st = connection.prepareStatement("select a.attname from pg_attribute a "
        + "join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace "
        + "where n.nspname = current_schema() and c.relname = ? and a.attnum > 0 and not a.attisdropped "
        + "and a.attgenerated = '' order by a.attnum")) {
      st.setString(1, table);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          columns.add(rs.getString(1));
        }
      }
    }
    return columns;
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  static String columnList(List<String> columns) {
    return String.join(", ", columns.stream().map(DatabaseExport::quote).toList());
  }
}
