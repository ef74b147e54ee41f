package org.partnershipqa.backup;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.partnershipqa.database.EmbeddedDatabase;
import org.partnershipqa.engine.EngineFiles;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The backup commands of the application jar, for when the application is stopped:
 *
 * <pre>
 * java -jar partnership-qa.jar backup [--to DIR]    back up the data directory (default DIR: a new
 *                                                   directory under partnershipqa.backup.directory)
 * java -jar partnership-qa.jar verify --from DIR    check a backup's files against its manifest
 * java -jar partnership-qa.jar restore --from DIR   restore a backup into an empty data directory
 * </pre>
 *
 * They read the application's own settings (application.yml, environment variables such as
 * {@code PARTNERSHIPQA_DATA_DIR} and {@code SPRING_DATASOURCE_URL}, and {@code --name=value} arguments), start
 * only what they need (the embedded PostgreSQL), and refuse a data directory a running application holds.
 */
public final class BackupCommandLine {

  static final Set<String> COMMANDS = Set.of("backup", "verify", "restore");

  static final String USAGE = """
      Usage (with the application stopped; settings as for the application, e.g. PARTNERSHIPQA_DATA_DIR):
        java -jar partnership-qa.jar backup [--to DIR]    back up the data directory (database and engine)
        java -jar partnership-qa.jar verify --from DIR    check a backup's files against its manifest
        java -jar partnership-qa.jar restore --from DIR   restore a backup into an empty data directory""";

  private BackupCommandLine() {}

  /** True when the arguments name one of these commands rather than starting the application. */
  public static boolean handles(String[] args) {
    return args.length > 0 && COMMANDS.contains(args[0]);
  }

  /** Runs a command; returns the process exit code (0 done, 1 refused or failed, 2 wrong usage). */
  public static int run(String[] args, PrintStream out) {
    String command = args[0];
    Path to = null;
    Path from = null;
    List<String> springArgs = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      String value = null;
      String name = arg;
      if (arg.startsWith("--to=") || arg.startsWith("--from=")) {
        name = arg.substring(0, arg.indexOf('='));
        value = arg.substring(arg.indexOf('=') + 1);
      } else if ((arg.equals("--to") || arg.equals("--from")) && i + 1 < args.length) {
        value = args[++i];
      }
      if (name.equals("--to") && value != null) {
        to = Path.of(value).toAbsolutePath().normalize();
      } else if (name.equals("--from") && value != null) {
        from = Path.of(value).toAbsolutePath().normalize();
      } else if (arg.startsWith("--") && arg.contains("=")) {
        springArgs.add(arg); // an application setting, e.g. --partnershipqa.data-dir=/srv/pqa/data
      } else {
        out.println("Unknown argument: " + arg);
        out.println(USAGE);
        return 2;
      }
    }
    if ((command.equals("verify") || command.equals("restore")) && from == null) {
      out.println(command + " needs --from DIR, the backup directory.");
      out.println(USAGE);
      return 2;
    }
    if (command.equals("backup") && from != null || !command.equals("backup") && to != null) {
      out.println(USAGE);
      return 2;
    }
    try (ConfigurableApplicationContext settingsOnly = settingsContext(springArgs)) {
      BackupSettings settings = BackupSettings.from(settingsOnly.getEnvironment());
      switch (command) {
        case "backup" -> {
          Path target = to != null ? to : settings.newBackupDirectory(Instant.now());
          Manifest manifest = backUpStopped(target, settings);
          out.println("Backup written to " + target);
          describe(manifest, out);
        }
        case "verify" -> {
          Manifest manifest = BackupVerifier.verify(from);
          out.println("Backup " + from + " is complete: all " + manifest.files().size()
              + " files match their SHA-256 checksums.");
          describe(manifest, out);
        }
        case "restore" -> {
          out.println("Restoring " + from + " into " + settings.dataDirectory()
              + (settings.embeddedDatabase() ? "" : " and the database " + settings.datasourceUrl()));
          Manifest manifest = Restorer.restore(from, settings, out::println);
          out.println("Restored the backup taken at " + manifest.createdAt() + ". Start the application as usual; "
              + "it applies newer database migrations and the engine replays its log on start.");
        }
        default -> throw new IllegalStateException(command);
      }
      return 0;
    } catch (BackupException e) {
      out.println("Refused: " + e.getMessage());
      return 1;
    } catch (RuntimeException e) {
      out.println(command + " failed: " + e);
      e.printStackTrace(out);
      return 1;
    }
  }

  /** Backs up a data directory whose application is stopped (started here: only the embedded PostgreSQL). */
  static Manifest backUpStopped(Path target, BackupSettings settings) {
    Path data = settings.dataDirectory();
    if (settings.embeddedEngine()) {
      if (!Files.isRegularFile(EngineFiles.directoryIn(data).resolve("log.dat"))) {
        throw new BackupException("There is no engine data in " + EngineFiles.directoryIn(data)
            + ": is the data directory (PARTNERSHIPQA_DATA_DIR) right?");
      }
      if (EngineFiles.inUse(data)) {
        throw new BackupException(Restorer.running(data));
      }
    }
    BackupWriter.EngineCopy engine = settings.embeddedEngine()
        ? (engineTarget, atThatInstant) -> EngineFiles.backupStopped(data, engineTarget, atThatInstant)
        : null;
    if (!settings.embeddedDatabase()) {
      DataSource external = new DriverManagerDataSource(settings.datasourceUrl(), settings.datasourceUsername(),
          settings.datasourcePassword());
      return BackupWriter.write(target, "stopped", external, settings.historyTable(), engine);
    }
    if (!Files.isRegularFile(EmbeddedDatabase.directoryIn(data).resolve("PG_VERSION"))) {
      throw new BackupException("There is no database in " + EmbeddedDatabase.directoryIn(data)
          + ": is the data directory (PARTNERSHIPQA_DATA_DIR) right?");
    }
    EmbeddedPostgres server;
    try {
      server = EmbeddedDatabase.start(data, 0);
    } catch (IOException | RuntimeException e) {
      throw new BackupException("Cannot start the database in " + EmbeddedDatabase.directoryIn(data)
          + " (is the application running?): " + e.getMessage(), e);
    }
    try (server) {
      return BackupWriter.write(target, "stopped", server.getPostgresDatabase(), settings.historyTable(), engine);
    } catch (IOException e) {
      throw new BackupException("Stopping the database failed after the backup: " + e.getMessage(), e);
    }
  }

  static void describe(Manifest manifest, PrintStream out) {
    out.println("  taken at " + manifest.createdAt() + " (application " + manifest.takenWhile() + ") by "
        + manifest.application());
    out.println("  database schema version " + manifest.database().flywayVersion() + ", PostgreSQL "
        + manifest.database().serverVersion());
    manifest.database().tables().forEach(t -> out.printf("    %-24s %8d rows%n", t.name(), t.rows()));
    if (manifest.engine() == null) {
      out.println("  engine: not included (a Camunda cluster: back it up with Camunda's own backup)");
    } else {
      out.println("  engine: log of " + manifest.engine().logBytes() + " bytes, positions "
          + manifest.engine().firstPosition() + ".." + manifest.engine().lastPosition() + ", snapshots "
          + manifest.engine().snapshotPositions() + ", clock offset " + manifest.engine().clockOffsetMillis() + " ms");
    }
    out.println("  " + manifest.files().size() + " files, " + manifest.totalBytes() + " bytes");
  }

  /** A context holding nothing but the application's configuration (application.yml, environment, arguments). */
  private static ConfigurableApplicationContext settingsContext(List<String> springArgs) {
    SpringApplication spring = new SpringApplication(SettingsOnly.class);
    spring.setWebApplicationType(WebApplicationType.NONE);
    spring.setBannerMode(Banner.Mode.OFF);
    spring.setLogStartupInfo(false);
    spring.setRegisterShutdownHook(false);
    spring.setDefaultProperties(Map.of("logging.level.root", "WARN"));
    return spring.run(springArgs.toArray(String[]::new));
  }

  /** The (empty) configuration of the commands' settings-only context. */
  static final class SettingsOnly {}
}
