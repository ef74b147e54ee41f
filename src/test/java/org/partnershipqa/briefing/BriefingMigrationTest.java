package org.partnershipqa.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershipqa.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V9 moves the briefings and sign-off history of rounds saved before it into the briefing tables: a closed
 * round keeps its published version (and a version saved after it as a draft), its decisions in order.
 * Runs the migrations in a schema of its own on the test database.
 */
class BriefingMigrationTest extends IntegrationTest {

  static final String SCHEMA = "briefing_migration_test";

  @Autowired DataSource appDataSource;
  DataSource dataSource;

  /** Connections of their own: the search path Flyway sets must never reach the application's pool. */
  @BeforeEach
  void ownConnections() {
    HikariDataSource app = (HikariDataSource) appDataSource;
    dataSource = new DriverManagerDataSource(app.getJdbcUrl(), app.getUsername(), app.getPassword());
  }

  @AfterEach
  void dropSchema() {
    new JdbcTemplate(dataSource).execute("drop schema if exists " + SCHEMA + " cascade");
  }

  @Test
  void roundsSavedBeforeKeepTheirBriefingsAndSignOffHistory() {
    migrate("7");
    JdbcTemplate sql = new JdbcTemplate(dataSource);
    String s = SCHEMA + ".";
    long theme = sql.queryForObject("select id from " + s + "theme where code = 'neglect'", Long.class);
    long closed = round(sql, theme, "Closed round", "CLOSED",
        "[{\"key\": \"job-1\", \"decision\": \"return\", \"comments\": \"More on escalation\", \"by\": \"pqa.member\", \"at\": \"2026-03-01T10:00:00.123456Z\"},"
            + " {\"key\": \"job-2\", \"decision\": \"approve\", \"comments\": \"\", \"by\": \"pqa.member\", \"at\": \"2026-03-02T10:00:00Z\"}]");
    long open = round(sql, theme, "Open round", "FINDINGS", "[]");
    long none = round(sql, theme, "Round without a briefing", "IN_PROGRESS", "[]");
    version(sql, closed, 1, false);
    version(sql, closed, 2, true);
    version(sql, closed, 3, false); // saved after the round closed (issue 9, defect 1)
    version(sql, open, 1, false);

    migrate("9");

    List<Map<String, Object>> briefings = sql.queryForList("select subject_type, subject_id, title, template from " + s
        + "briefing order by id");
    assertThat(briefings).containsExactly(
        Map.of("subject_type", "audit-round", "subject_id", String.valueOf(closed), "title", "Closed round", "template", Briefings.TEMPLATE),
        Map.of("subject_type", "audit-round", "subject_id", String.valueOf(open), "title", "Open round", "template", Briefings.TEMPLATE));
    assertThat(sql.queryForList("select v.number, v.state, v.published_at is not null as dated from " + s
        + "briefing_version v join " + s + "briefing b on b.id = v.briefing_id where b.subject_id = ? order by v.number",
        String.valueOf(closed))).containsExactly(
            Map.of("number", 1, "state", "SUPERSEDED", "dated", false),
            Map.of("number", 2, "state", "PUBLISHED", "dated", true),
            Map.of("number", 3, "state", "DRAFT", "dated", false));
    assertThat(sql.queryForList("select v.state from " + s + "briefing_version v join " + s
        + "briefing b on b.id = v.briefing_id where b.subject_id = ?", String.class, String.valueOf(open)))
        .containsExactly("DRAFT");
    assertThat(sql.queryForList("select d.idempotency_key, d.decision, d.comments, d.decided_by, to_char(d.decided_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') as at from "
        + s + "briefing_decision d join " + s + "briefing b on b.id = d.briefing_id where b.subject_id = ? order by d.id",
        String.valueOf(closed))).containsExactly(
            Map.of("idempotency_key", "job-1", "decision", "return", "comments", "More on escalation",
                "decided_by", "pqa.member", "at", "2026-03-01 10:00:00.123456"),
            Map.of("idempotency_key", "job-2", "decision", "approve", "comments", "", "decided_by", "pqa.member",
                "at", "2026-03-02 10:00:00.000000"));
    assertThat(sql.queryForObject("select count(*) from information_schema.columns where table_schema = ? "
        + "and table_name = 'audit_round' and column_name = 'sign_off_history'", Integer.class, SCHEMA)).isZero();
    assertThat(sql.queryForList("select title from " + s + "briefing_template_panel order by position", String.class))
        .hasSize(7).doesNotHaveDuplicates();
    assertThat(none).isPositive();
  }

  private void migrate(String target) {
    Flyway.configure().dataSource(dataSource).schemas(SCHEMA).locations("classpath:db/migration").target(target)
        .load().migrate();
  }

  private static long round(JdbcTemplate sql, long theme, String title, String state, String history) {
    return sql.queryForObject("insert into " + SCHEMA + ".audit_round (theme_id, title, look_back_from, look_back_to,"
        + " deadline, reminder_date, state, sample_method, sign_off_history, created_by, created_at, closed_at)"
        + " values (?, ?, date '2025-01-01', date '2026-01-01', date '2026-02-01', date '2026-01-28', ?, 'ENTERED',"
        + " ?::jsonb, 'qa.lead', now(), case when ? = 'CLOSED' then now() end) returning id",
        Long.class, theme, title, state, history, state);
  }

  private static void version(JdbcTemplate sql, long round, int version, boolean published) {
    sql.update("insert into " + SCHEMA + ".briefing_version (round_id, version, panels, created_by, created_at, published)"
        + " values (?, ?, '[{\"number\": 1, \"title\": \"Why?\", \"text\": \"v" + version + "\"}]'::jsonb, 'qa.lead', now(), ?)",
        round, version, published);
  }
}
