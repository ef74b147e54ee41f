package org.partnershipqa.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.partnershipqa.backup.BackupCommands.command;
import static org.partnershipqa.support.RunningApp.WAIT;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partnershipqa.engine.EmbeddedEngine;
import org.partnershipqa.support.EngineRecords;
import org.partnershipqa.support.RunningApp;
import org.partnershipqa.workingdays.WorkingDays;

/**
 * Fault test of "nothing lost": a backup taken on one data directory while the application runs, restored into
 * another, starts as the same system: the same rounds, tasks (ids, states, drafts), returns and deadline timers,
 * and nothing done after the backup.
 */
class BackupRestoreTest {

  @TempDir Path temp;

  private static final List<String> USERS = List.of("qa.lead", "pqa.member", "auditor.police", "auditor.csc",
      "auditor.gp");

  @Test
  void aBackupTakenWhileRunningRestoresTheSameStateOnAnotherDataDirectory() throws Exception {
    Path data1 = temp.resolve("source");
    Path data2 = temp.resolve("restored");
    LocalDate deadline = LocalDate.now().plusDays(10);
    long roundId;
    long cscTask;
    long gpTask;
    long laterRound;
    JsonNode roundAtBackup;
    JsonNode cscTaskAtBackup;
    Map<String, JsonNode> inboxesAtBackup = new LinkedHashMap<>();
    Path backup;
    try (RunningApp a = RunningApp.start(data1)) {
      roundId = a.launch("Backed-up round", deadline, "BK-1", "police", "csc", "gp");
      long policeTask = a.awaitTask("auditor.police", roundId, "provideReturn");
      cscTask = a.awaitTask("auditor.csc", roundId, "provideReturn");
      gpTask = a.awaitTask("auditor.gp", roundId, "provideReturn");
      a.submitAudit(policeTask, "auditor.police");
      a.api("POST", "/api/tasks/" + cscTask + "/draft", "auditor.csc",
          Map.of("evidence", "Half-way through the file"), 200);
      a.awaitReturnReceived(roundId, "police");

      roundAtBackup = a.round(roundId);
      cscTaskAtBackup = a.api("GET", "/api/tasks/" + cscTask, "auditor.csc", null, 200);
      for (String user : USERS) {
        inboxesAtBackup.put(user, a.api("GET", "/api/tasks", user, null, 200));
      }

      JsonNode summary = a.api("POST", "/api/admin/backups", "admin", null, 201);
      backup = Path.of(summary.get("directory").asText());
      assertThat(backup).startsWith(data1.resolve("backups").toAbsolutePath().normalize());
      assertThat(summary.get("takenWhile").asText()).isEqualTo("running");
      assertThat(summary.get("tableRows").get("audit_round").asLong()).isEqualTo(1);
      assertThat(summary.get("engine").get("logBytes").asLong()).isPositive();
      assertThat(a.api("GET", "/api/admin/backups", "admin", null, 200).findValuesAsText("directory"))
          .containsExactly(backup.toString());

      // work done after the backup must not come back with it
      a.api("POST", "/api/tasks/" + cscTask + "/draft", "auditor.csc",
          Map.of("evidence", "Changed after the backup"), 200);
      a.submitAudit(gpTask, "auditor.gp");
      a.awaitReturnReceived(roundId, "gp");
      laterRound = a.launch("Round after the backup", deadline, "BK-2", "police");
      a.awaitTask("auditor.police", laterRound, "provideReturn");
    }

    BackupCommands.Command restore = command("restore", "--from", backup.toString(),
        "--partnershipqa.data-dir=" + data2);
    assertThat(restore.exitCode()).as(restore.output()).isZero();
    assertThat(restore.output()).contains("verified").contains("row counts match the backup");

    try (RunningApp b = RunningApp.start(data2)) {
      assertThat(b.round(roundId)).isEqualTo(roundAtBackup);
      assertThat(b.api("GET", "/api/tasks/" + cscTask, "auditor.csc", null, 200)).isEqualTo(cscTaskAtBackup);
      for (String user : USERS) {
        assertThat(b.api("GET", "/api/tasks", user, null, 200)).as("inbox of %s", user)
            .isEqualTo(inboxesAtBackup.get(user));
      }
      b.api("GET", "/api/audit-rounds/" + laterRound, "qa.lead", null, 404);
      assertThat(b.agencyReturn(roundId, "police").get("state").asText()).isEqualTo("RECEIVED");
      assertThat(b.agencyReturn(roundId, "gp").get("state").asText()).isNotEqualTo("RECEIVED");

      // the deadline timer came back: not fired a minute before 17:00 London on the deadline, fired once after
      Instant due = WorkingDays.endOfDay(deadline).toInstant();
      b.engine().engine().increaseTime(Duration.between(b.engineNow(), due.minusSeconds(60)));
      assertThat(overdueTimerFirings(b.engine())).isZero();
      b.engine().engine().increaseTime(Duration.ofMinutes(2));
      await().atMost(WAIT).until(() -> b.agencyReturn(roundId, "csc").get("overdue").asBoolean()
          && b.agencyReturn(roundId, "gp").get("overdue").asBoolean());
      assertThat(b.agencyReturn(roundId, "police").get("overdue").asBoolean()).isFalse();
      assertThat(overdueTimerFirings(b.engine())).isEqualTo(2);

      // and the round can be finished on the restored system
      b.submitAudit(cscTask, "auditor.csc");
      b.submitAudit(gpTask, "auditor.gp");
      b.completeRound(roundId);

      // new rows get new ids: the sequences came back too
      long next = b.launch("Round on the restored system", deadline, "BK-3", "police");
      assertThat(next).isGreaterThan(roundId);
    }
  }

  private static long overdueTimerFirings(EmbeddedEngine engine) {
    return StreamSupport.stream(EngineRecords.records(engine).timerRecords().spliterator(), false)
        .filter(r -> r.getIntent() == TimerIntent.TRIGGERED)
        .filter(r -> r.getValue().getTargetElementId().equals("returnOverdue")).count();
  }
}
