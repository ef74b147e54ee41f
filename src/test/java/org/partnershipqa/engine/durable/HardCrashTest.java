package org.partnershipqa.engine.durable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.partnershipqa.engine.durable.EngineTestSupport.AFTER_TIMER_JOB;
import static org.partnershipqa.engine.durable.EngineTestSupport.USER_TASK_JOB;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ActivatedJob;
import io.grpc.Status;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kills a real engine process with SIGKILL while it is writing, then recovers its directory. */
class HardCrashTest {

  @TempDir Path directory;

  @Test
  void everythingAcknowledgedBeforeAKillSurvivesIt() throws Exception {
    final int port = EngineTestSupport.freePort();
    final String java = ProcessHandle.current().info().command().orElse("java");
    final Process child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                CrashChild.class.getName(),
                directory.toString(),
                Integer.toString(port))
            .redirectErrorStream(true)
            .start();
    final List<String> lines = new CopyOnWriteArrayList<>();
    final Thread reader =
        Thread.ofPlatform()
            .daemon()
            .start(
                () -> {
                  try (BufferedReader in =
                      new BufferedReader(
                          new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                      lines.add(line);
                    }
                  } catch (Exception e) {
                    // the child died
                  }
                });
    try {
      // wait until the child is set up and has had 50 instance creations acknowledged
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(20))
          .failFast("child exited: " + lines, () -> !child.isAlive())
          .until(() -> lines.stream().filter(l -> l.startsWith("PQA ACK ")).count() >= 50);
    } finally {
      child.destroyForcibly(); // SIGKILL, mid-stream of creations
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    reader.join(Duration.ofSeconds(10));

    final String[] ready =
        lines.stream().filter(l -> l.startsWith("PQA READY ")).findFirst().orElseThrow().split(" ");
    final long first = Long.parseLong(ready[2]);
    final long second = Long.parseLong(ready[3]);
    final long completedJob = Long.parseLong(ready[4]);
    final long openJob = Long.parseLong(ready[5]);
    final Set<Long> acknowledged = new HashSet<>();
    lines.stream()
        .filter(l -> l.startsWith("PQA ACK "))
        .forEach(l -> acknowledged.add(Long.parseLong(l.substring(8))));

    final DurableEngine engine = DurableEngineFactory.create(port, directory);
    try {
      engine.start();
      try (CamundaClient client = EngineTestSupport.client(port)) {
        client.newCompleteCommand(openJob).send().join();
        assertThatThrownBy(() -> client.newCompleteCommand(completedJob).send().join())
            .isInstanceOfSatisfying(
                ClientStatusException.class,
                e -> assertThat(e.getStatusCode()).isEqualTo(Status.Code.NOT_FOUND));

        // every instance whose creation the killed engine acknowledged is there, at its user task
        final Set<Long> withTask = new HashSet<>();
        await()
            .atMost(EngineTestSupport.WAIT)
            .pollInterval(Duration.ofMillis(50))
            .until(
                () -> {
                  client
                      .newActivateJobsCommand()
                      .jobType(USER_TASK_JOB)
                      .maxJobsToActivate(1000)
                      .timeout(Duration.ofDays(30))
                      .send()
                      .join()
                      .getJobs()
                      .forEach(j -> withTask.add(j.getProcessInstanceKey()));
                  return withTask.containsAll(acknowledged);
                });

        final long newInstance = EngineTestSupport.createInstance(client);
        assertThat(newInstance).isGreaterThan(acknowledged.stream().mapToLong(k -> k).max().orElseThrow());

        engine.increaseTime(Duration.ofHours(2));
        final List<ActivatedJob> afterTimer = EngineTestSupport.activate(client, AFTER_TIMER_JOB, 2);
        assertThat(afterTimer)
            .extracting(ActivatedJob::getProcessInstanceKey)
            .containsExactlyInAnyOrder(first, second);
      }
    } finally {
      engine.stop();
    }
  }
}
