package org.partnershipqa.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.partnershipqa.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V8 moves the audit rounds' actions into the actions module: checked on a schema of its own, migrated to V7, given
 * round actions, then migrated to V8.
 */
class ActionsMigrationTest extends IntegrationTest {

  private static final String SCHEMA = "v8_migration_check";

  @Autowired DataSource dataSource;

  @Test
  void theApplicationsSchemaHasTheActionTablesAndNoRoundActions() {
    JdbcTemplate db = new JdbcTemplate(dataSource);
    List<String> tables = db.queryForList("select table_name from information_schema.tables "
        + "where table_schema = current_schema()", String.class);
    assertThat(tables).contains("action", "action_change").doesNotContain("round_action");
  }

  @Test
  void roundActionsAreMovedWithTheirStatusCaseAndRoundTitleAndOneHistoryRowEach() {
    JdbcTemplate db = new JdbcTemplate(dataSource);
    db.execute("drop schema if exists " + SCHEMA + " cascade");
    try {
      flyway("7").migrate();
      String s = SCHEMA + ".";
      db.update("insert into " + s + "audit_round (theme_id, title, look_back_from, look_back_to, deadline, "
          + "reminder_date, state, sample_method, created_by, created_at) select id, 'Q1 neglect deep dive', "
          + "date '2025-01-01', date '2025-12-31', date '2026-02-01', date '2026-01-28', 'CLOSED', 'ENTERED', "
          + "'qa.lead', now() from " + s + "theme where code = 'neglect'");
      long round = db.queryForObject("select id from " + s + "audit_round", Long.class);
      db.update("insert into " + s + "sampled_child (round_id, case_reference, agencies) values (?, 'WS/2026/7', "
          + "'{csc,police}')", round);
      long child = db.queryForObject("select id from " + s + "sampled_child", Long.class);
      String insert = "insert into " + s + "round_action (round_id, child_id, description, lead_agency, owner, "
          + "due_date, status, created_at) values (?, ?, ?, ?, ?, ?, ?, now())";
      db.update(insert, round, child, "Named officer for every case", "police", "DI", java.sql.Date.valueOf("2026-06-30"), "ONGOING");
      db.update(insert, round, child, "Refresh escalation training", "csc", null, null, "COMPLETED");
      db.update(insert, round, null, "Review the threshold document", null, null, null, "PROPOSED");

      flyway("8").migrate();

      List<Map<String, Object>> moved = db.queryForList("select * from " + s + "action order by id");
      assertThat(moved).extracting(r -> r.get("description") + "|" + r.get("status") + "|" + r.get("case_reference")
          + "|" + r.get("subject_label") + "|" + r.get("subject_type") + "|" + r.get("subject_id") + "|"
          + r.get("lead_agency")).containsExactly(
              "Named officer for every case|ONGOING|WS/2026/7|Q1 neglect deep dive|audit-round|" + round + "|police",
              "Refresh escalation training|COMPLETED|WS/2026/7|Q1 neglect deep dive|audit-round|" + round + "|csc",
              "Review the threshold document|PROPOSED|null|Q1 neglect deep dive|audit-round|" + round + "|null");
      assertThat(moved).allSatisfy(r -> assertThat(r.get("source_process")).isEqualTo("themed-audit-round"));
      assertThat(db.queryForList("select what from " + s + "action_change order by action_id", String.class))
          .containsExactly("Moved from the audit round's actions", "Moved from the audit round's actions",
              "Moved from the audit round's actions");
      assertThat(db.queryForObject("select count(*) from information_schema.tables where table_schema = ? "
          + "and table_name = 'round_action'", Long.class, SCHEMA)).isZero();
    } finally {
      db.execute("drop schema if exists " + SCHEMA + " cascade");
    }
  }

  private Flyway flyway(String target) {
    return Flyway.configure().dataSource(dataSource).schemas(SCHEMA).locations("classpath:db/migration")
        .target(target).load();
  }
}
