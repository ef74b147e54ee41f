package org.partnershipqa.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.partnershipqa.support.RunningApp.WAIT;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.partnershipqa.engine.EmbeddedEngine;
import org.partnershipqa.support.EngineRecords;
import org.partnershipqa.support.RunningApp;
import org.partnershipqa.workingdays.WorkingDays;

/**
 * The application is stopped and started again in the middle of a themed audit round, on the same data
 * directory: the open task keeps its id and draft, the received return stays received, the deadline timer
 * fires once at the right instant after the restart, and the round then completes.
 */
class RestartMidRoundTest {

  @Test
  void roundSurvivesARestartAndItsDeadlineTimerFiresOnce() throws Exception {
    Path data = Files.createTempDirectory("partnershipqa-restart-");
    LocalDate deadline = LocalDate.now().plusDays(10);
    long roundId;
    long cscTask;
    try (RunningApp app = RunningApp.start(data)) {
      roundId = app.launch("Restart round", deadline, "RS-1", "police", "csc");
      long policeTask = app.awaitTask("auditor.police", roundId, "provideReturn");
      cscTask = app.awaitTask("auditor.csc", roundId, "provideReturn");
      app.submitAudit(policeTask, "auditor.police");
      app.api("POST", "/api/tasks/" + cscTask + "/draft", "auditor.csc", Map.of("evidence", "Half-way through the file"), 200);
      app.awaitReturnReceived(roundId, "police");
    }

    try (RunningApp app = RunningApp.start(data)) {
      // the open task, its draft and the received return are all still there
      JsonNode task = app.api("GET", "/api/tasks/" + cscTask, "auditor.csc", null, 200);
      assertThat(task.get("task").get("state").asText()).isEqualTo("OPEN");
      assertThat(task.get("answers").get("evidence").asText()).isEqualTo("Half-way through the file");
      assertThat(app.agencyReturn(roundId, "police").get("state").asText()).isEqualTo("RECEIVED");

      // the deadline timer survived: not fired a minute before 17:00 London on the deadline, fired once after
      EmbeddedEngine engine = app.engine();
      Instant due = WorkingDays.endOfDay(deadline).toInstant();
      engine.engine().increaseTime(Duration.between(app.engineNow(), due.minusSeconds(60)));
      assertThat(overdueTimerFirings(engine)).isZero();
      engine.engine().increaseTime(Duration.ofMinutes(2));
      await().atMost(WAIT).until(() -> app.agencyReturn(roundId, "csc").get("overdue").asBoolean());
      assertThat(overdueTimerFirings(engine)).isEqualTo(1);
      assertThat(app.agencyReturn(roundId, "police").get("overdue").asBoolean()).isFalse();

      // the round completes after the restart
      app.submitAudit(cscTask, "auditor.csc");
      app.completeRound(roundId);
      assertThat(overdueTimerFirings(engine)).isEqualTo(1);
    }
  }

  private static long overdueTimerFirings(EmbeddedEngine engine) {
    return StreamSupport.stream(EngineRecords.records(engine).timerRecords().spliterator(), false)
        .filter(r -> r.getIntent() == TimerIntent.TRIGGERED)
        .filter(r -> r.getValue().getTargetElementId().equals("returnOverdue")).count();
  }
}
