package org.partnershipqa.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Runs in its own JVM for {@link EmbeddedDatabaseAfterKillTest}: starts the embedded database on the given data
 * directory exactly as the application does, then commits rows one transaction at a time, printing the id of each
 * committed row, until it is killed.
 */
public final class DatabaseChild {

  public static void main(String[] args) throws Exception {
    Path directory = Path.of(args[0]);
    EmbeddedPostgres postgres = EmbeddedDatabase.startOn(directory, 0);
    try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
        Statement ddl = connection.createStatement();
        PreparedStatement insert =
            connection.prepareStatement("insert into committed_row (note) values ('written before the kill')",
                Statement.RETURN_GENERATED_KEYS)) {
      ddl.execute("create table if not exists committed_row (id bigserial primary key, note text not null)");
      System.out.println("PQA READY " + postgres.getPort());
      System.out.flush();
      while (true) {
        insert.executeUpdate(); // auto-commit: acknowledged means committed
        try (ResultSet key = insert.getGeneratedKeys()) {
          key.next();
          System.out.println("PQA COMMITTED " + key.getLong(1));
          System.out.flush();
        }
      }
    }
  }
}
