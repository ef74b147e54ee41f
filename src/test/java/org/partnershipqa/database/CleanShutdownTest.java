package org.partnershipqa.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.reflect.Field;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.partnershipqa.PartnershipQaApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A clean stop logs no error: the embedded PostgreSQL is stopped by the application context after everything that
 * uses it (the event publication registry, JPA, the pool), and by nothing else. A JVM shutdown hook of its own
 * (the library's default) would stop it beside the context's shutdown on SIGTERM, and the registry, closing
 * after it, logged an ERROR.
 */
@ExtendWith(OutputCaptureExtension.class)
class CleanShutdownTest {

  @Test
  void theDatabaseStopsAfterEverythingThatUsesItAndNothingLogsAnError(@TempDir Path data, CapturedOutput output)
      throws Exception {
    ConfigurableApplicationContext app = new SpringApplicationBuilder(PartnershipQaApplication.class).run(
        "--partnershipqa.data-dir=" + data, "--server.port=0", "--partnershipqa.engine.embedded-port=0");
    EmbeddedPostgres postgres = app.getBean(EmbeddedPostgres.class);
    assertThat(stopsAtJvmExit(postgres)).as("the database has a shutdown hook racing the context's").isFalse();

    int from = output.getAll().length();
    app.close();
    String shutdown = output.getAll().substring(from);

    assertThat(shutdown).doesNotContain(" ERROR ").doesNotContain("Exception");
    int registryClosed = shutdown.indexOf("DefaultEventPublicationRegistry");
    int poolClosed = shutdown.indexOf("embedded-postgres - Shutdown completed");
    // logged on the closing thread once the server stopped (the server's own lines come through a reader thread
    // that may be gone by then)
    int databaseStopping = shutdown.indexOf("shut down postmaster");
    assertThat(registryClosed).as("the event publication registry closed").isNotNegative();
    assertThat(poolClosed).as("the pool closed after the registry").isGreaterThan(registryClosed);
    assertThat(databaseStopping).as("the database stopped after the pool").isGreaterThan(poolClosed);
  }

  /** The library's own flag (no accessor): whether it registered a JVM shutdown hook that stops the server. */
  private static boolean stopsAtJvmExit(EmbeddedPostgres postgres) throws ReflectiveOperationException {
    Field hook = EmbeddedPostgres.class.getDeclaredField("registerShutdownHook");
    hook.setAccessible(true);
    return hook.getBoolean(postgres);
  }
}
