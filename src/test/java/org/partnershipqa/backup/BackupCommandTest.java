package org.partnershipqa.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnershipqa.backup.BackupCommands.command;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partnershipqa.support.RunningApp;

/**
 * The commands an IT officer runs with the application stopped: {@code backup}, {@code verify} and
 * {@code restore}, and what they refuse because it would lose or mix up data.
 */
class BackupCommandTest {

  @TempDir Path temp;

  @Test
  void commandsBackUpAStoppedApplicationAndRestoreItAndRefuseWhatWouldLoseData() throws Exception {
    Path data1 = temp.resolve("source");
    Path data2 = Files.createDirectories(temp.resolve("restored"));
    Path backups = Files.createDirectories(temp.resolve("backups"));
    LocalDate deadline = LocalDate.now().plusDays(10);
    long roundId;
    long policeTask;
    JsonNode roundBefore;
    JsonNode taskBefore;
    try (RunningApp a = RunningApp.start(data1)) {
      roundId = a.launch("Offline backup round", deadline, "OB-1", "police");
      policeTask = a.awaitTask("auditor.police", roundId, "provideReturn");
      a.api("POST", "/api/tasks/" + policeTask + "/draft", "auditor.police",
          Map.of("evidence", "Draft kept through the backup"), 200);
      roundBefore = a.round(roundId);
      taskBefore = a.api("GET", "/api/tasks/" + policeTask, "auditor.police", null, 200);

      // the command refuses a data directory the running application holds, and writes nothing
      BackupCommands.Command refused = command("backup", "--to", backups.resolve("while-running").toString(),
          "--partnershipqa.data-dir=" + data1);
      assertThat(refused.exitCode()).as(refused.output()).isEqualTo(1);
      assertThat(refused.output()).contains("in use by a running Partnership QA application")
          .contains("Stop the application first");
      assertThat(backups.resolve("while-running")).doesNotExist();
    }

    Path backup = backups.resolve("offline");
    BackupCommands.Command backedUp = command("backup", "--to", backup.toString(), "--partnershipqa.data-dir=" + data1);
    assertThat(backedUp.exitCode()).as(backedUp.output()).isZero();
    assertThat(backedUp.output()).contains("Backup written to " + backup).contains("application stopped");
    assertThat(backup.resolve("manifest.json")).exists();
    assertThat(backup.resolve("engine/log.dat")).exists();
    assertThat(backups.resolve("offline.partial")).doesNotExist();

    BackupCommands.Command verified = command("verify", "--from", backup.toString());
    assertThat(verified.exitCode()).as(verified.output()).isZero();
    assertThat(verified.output()).contains("files match their SHA-256 checksums");

    // a restore never overwrites a data directory that holds data
    BackupCommands.Command occupied = command("restore", "--from", backup.toString(),
        "--partnershipqa.data-dir=" + data1);
    assertThat(occupied.exitCode()).as(occupied.output()).isEqualTo(1);
    assertThat(occupied.output()).contains("already holds data").contains("move " + data1.toAbsolutePath().normalize());

    // a damaged backup is reported by verify and refused by restore, which leaves the target empty
    Path damaged = backups.resolve("damaged");
    copyTree(backup, damaged);
    Path taskFile = damaged.resolve("database/task.copy");
    byte[] bytes = Files.readAllBytes(taskFile);
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(taskFile, bytes);
    BackupCommands.Command damagedVerify = command("verify", "--from", damaged.toString());
    assertThat(damagedVerify.exitCode()).as(damagedVerify.output()).isEqualTo(1);
    assertThat(damagedVerify.output()).contains("database/task.copy: SHA-256 differs");
    BackupCommands.Command damagedRestore = command("restore", "--from", damaged.toString(),
        "--partnershipqa.data-dir=" + data2);
    assertThat(damagedRestore.exitCode()).as(damagedRestore.output()).isEqualTo(1);
    assertThat(damagedRestore.output()).contains("is damaged; do not restore it");
    try (Stream<Path> entries = Files.list(data2)) {
      assertThat(entries).isEmpty();
    }

    // the intact backup restores onto the fresh data directory, and the application carries on there
    BackupCommands.Command restored = command("restore", "--from", backup.toString(), "--partnershipqa.data-dir=" + data2);
    assertThat(restored.exitCode()).as(restored.output()).isZero();
    try (RunningApp b = RunningApp.start(data2)) {
      assertThat(b.round(roundId)).isEqualTo(roundBefore);
      assertThat(b.api("GET", "/api/tasks/" + policeTask, "auditor.police", null, 200)).isEqualTo(taskBefore);
      b.submitAudit(policeTask, "auditor.police");
      b.awaitReturnReceived(roundId, "police");
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path source : walk.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }
}
