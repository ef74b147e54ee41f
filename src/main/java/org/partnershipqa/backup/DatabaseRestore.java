package org.partnershipqa.backup;

import static org.partnershipqa.backup.DatabaseExport.columnList;
import static org.partnershipqa.backup.DatabaseExport.quote;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.partnershipqa.backup.Manifest.DatabasePart;
import org.partnershipqa.backup.Manifest.SequenceEntry;
import org.partnershipqa.backup.Manifest.TableEntry;
import org.postgresql.PGConnection;

/**
 * Loads a backup's tables into an empty database: the schema is first brought to the backup's Flyway version by
 * this application's own migrations (so it is exactly the schema the data was exported from), then every table is
 * emptied of what the migrations inserted and loaded from its file, parents before children, and the sequences
 * are set to their backed-up values: all in one transaction. Newer migrations run at the application's next start.
 */
final class DatabaseRestore {

  private final DataSource dataSource;
  private final List<String> flywayLocations;
  private final String historyTable;

  DatabaseRestore(DataSource dataSource, List<String> flywayLocations, String historyTable) {
    this.dataSource = dataSource;
    this.flywayLocations = flywayLocations;
    this.historyTable = historyTable;
  }

  /** Refuses a database whose schema already has tables. */
  void checkEmpty() throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select count(*), current_schema() from pg_class cl join pg_namespace n "
            + "on n.oid = cl.relnamespace where n.nspname = current_schema() and cl.relkind in ('r', 'p')")) {
      rs.next();
      if (rs.getLong(1) > 0) {
        throw new BackupException("The database already has " + rs.getLong(1) + " tables in schema "
            + rs.getString(2) + "; restore only into an empty database");
      }
    }
  }

  void restore(Path backup, DatabasePart part) throws SQLException, IOException {
    migrateTo(part.flywayVersion());
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        load(c, backup, part);
        c.commit();
      } catch (SQLException | IOException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  private void migrateTo(String version) {
    Flyway flyway = Flyway.configure().dataSource(dataSource).locations(flywayLocations.toArray(String[]::new))
        .table(historyTable).target(MigrationVersion.fromVersion(version)).load();
    MigrationVersion newest = MigrationVersion.EMPTY;
    boolean found = false;
    for (MigrationInfo info : flyway.info().all()) {
      if (info.getVersion() != null) {
        found |= info.getVersion().equals(MigrationVersion.fromVersion(version));
        if (info.getVersion().compareTo(newest) > 0) {
          newest = info.getVersion();
        }
      }
    }
    if (!found) {
      throw new BackupException("The backup's database is at schema version " + version + ", which this version "
          + "of the application does not know (its newest is " + newest.getVersion() + "). Restore it with the "
          + "application version that took it, or a newer one.");
    }
    flyway.migrate();
  }

  private void load(Connection c, Path backup, DatabasePart part) throws SQLException, IOException {
    try (Statement st = c.createStatement()) {
      st.execute("set local DateStyle = 'ISO, YMD'");
      st.execute("set local IntervalStyle = 'postgres'");
      st.execute("set local TimeZone = 'UTC'");
      st.execute("set local extra_float_digits = 3");
    }
    Map<String, TableEntry> byName = new LinkedHashMap<>();
    part.tables().forEach(t -> byName.put(t.name(), t));
    List<String> present = DatabaseExport.tables(c, historyTable);
    if (!new HashSet<>(present).equals(byName.keySet())) {
      throw new BackupException("At schema version " + part.flywayVersion() + " this application has the tables "
          + present + ", the backup " + byName.keySet() + "; it cannot be restored with this version");
    }
    for (TableEntry table : part.tables()) {
      List<String> columns = DatabaseExport.columns(c, table.name());
      if (!columns.equals(table.columns())) {
        throw new BackupException("Table " + table.name() + " has the columns " + columns + " here but "
            + table.columns() + " in the backup; it cannot be restored with this version");
      }
    }
    if (!present.isEmpty()) {
      try (Statement st = c.createStatement()) {
        // what the migrations inserted (agencies, themes) is replaced by the backed-up rows
        st.execute("truncate table " + String.join(", ", present.stream().map(DatabaseExport::quote).toList())
            + " restart identity");
      }
    }
    PGConnection pg = c.unwrap(PGConnection.class);
    for (String name : parentsFirst(c, byName.keySet())) {
      TableEntry table = byName.get(name);
      long rows;
      try (InputStream in = Files.newInputStream(backup.resolve(table.file()))) {
        rows = pg.getCopyAPI().copyIn("copy " + quote(name) + " (" + columnList(table.columns()) + ") from stdin", in);
      }
      if (rows != table.rows()) {
        throw new BackupException("Table " + name + ": loaded " + rows + " rows, the backup lists " + table.rows());
      }
    }
    try (PreparedStatement st = c.prepareStatement("select setval(format('%I', ?::text)::regclass, ?, true)")) {
      for (SequenceEntry sequence : part.sequences()) {
        if (sequence.lastValue() != null) {
          st.setString(1, sequence.name());
          st.setLong(2, sequence.lastValue());
          st.executeQuery().close();
        }
      }
    }
  }

  /** The tables ordered so that every table comes after the tables its foreign keys reference. */
  static List<String> parentsFirst(Connection c, Set<String> tables) throws SQLException {
    Map<String, Set<String>> parents = new HashMap<>();
    tables.forEach(t -> parents.put(t, new HashSet<>()));
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select child.relname, parent.relname "
        + "from pg_constraint k join pg_class child on child.oid = k.conrelid "
        + "join pg_class parent on parent.oid = k.confrelid join pg_namespace n on n.oid = child.relnamespace "
        + "where k.contype = 'f' and n.nspname = current_schema()")) {
      while (rs.next()) {
        String child = rs.getString(1);
        String parent = rs.getString(2);
        if (parents.containsKey(child) && tables.contains(parent) && !child.equals(parent)) {
          parents.get(child).add(parent);
        }
      }
    }
    Set<String> ordered = new LinkedHashSet<>();
    List<String> remaining = new ArrayList<>(tables);
    while (!remaining.isEmpty()) {
      List<String> ready = remaining.stream().filter(t -> ordered.containsAll(parents.get(t))).toList();
      if (ready.isEmpty()) {
        throw new BackupException("The tables " + remaining + " reference each other in a cycle; cannot order them");
      }
      ordered.addAll(ready);
      remaining.removeAll(ready);
    }
    return List.copyOf(ordered);
  }
}
