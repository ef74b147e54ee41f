package org.partnershipqa.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The settings backup and restore need, read from the application's own configuration (application.yml,
 * environment variables, command-line properties), so the commands act on exactly what the application uses.
 *
 * @param dataDirectory {@code partnershipqa.data-dir}
 * @param backupDirectory {@code partnershipqa.backup.directory}, default {@code <data-dir>/backups}
 * @param embeddedEngine whether the engine runs embedded ({@code partnershipqa.engine.mode})
 * @param datasourceUrl {@code spring.datasource.url}: an external database, or null for the embedded one
 */
record BackupSettings(Path dataDirectory, Path backupDirectory, boolean embeddedEngine, String datasourceUrl,
    String datasourceUsername, String datasourcePassword, List<String> flywayLocations, String historyTable) {

  private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss'Z'")
      .withZone(ZoneOffset.UTC);

  static BackupSettings from(Environment env) {
    Path data = Path.of(env.getProperty("partnershipqa.data-dir", "./data")).toAbsolutePath().normalize();
    String backups = env.getProperty("partnershipqa.backup.directory", "");
    String url = env.getProperty("spring.datasource.url", "");
    List<String> locations = Binder.get(env).bind("spring.flyway.locations", Bindable.listOf(String.class))
        .orElse(List.of("classpath:db/migration"));
    return new BackupSettings(data,
        backups.isBlank() ? data.resolve("backups") : Path.of(backups).toAbsolutePath().normalize(),
        !"remote".equalsIgnoreCase(env.getProperty("partnershipqa.engine.mode", "embedded")),
        url.isBlank() ? null : url, env.getProperty("spring.datasource.username"),
        env.getProperty("spring.datasource.password"), locations,
        env.getProperty("spring.flyway.table", "flyway_schema_history"));
  }

  boolean embeddedDatabase() {
    return datasourceUrl == null;
  }

  /** A new directory under {@link #backupDirectory()} named after the time (UTC), e.g. 2026-11-20T14-03-05Z. */
  Path newBackupDirectory(Instant now) {
    String name = NAME.format(now);
    Path candidate = backupDirectory.resolve(name);
    for (int i = 2; Files.exists(candidate) || Files.exists(BackupWriter.staging(candidate)); i++) {
      candidate = backupDirectory.resolve(name + "-" + i);
    }
    return candidate;
  }
}
