package org.partnershipqa.engine.durable;

import ch.qos.logback.classic.Level;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Runs in its own JVM for {@link HardCrashTest}: starts a durable engine, sets up two instances
 * (one user task completed), reports the keys, then creates instances as fast as it can, printing
 * each acknowledged key and snapshotting (with log compaction) every 15, until the parent kills it
 * with SIGKILL.
 */
public final class CrashChild {

  public static void main(final String[] args) throws Exception {
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(Level.ERROR);
    final Path directory = Path.of(args[0]);
    final int port = Integer.parseInt(args[1]);
    final DurableEngine engine = DurableEngineFactory.create(port, directory);
    engine.start();
    final CamundaClient client = EngineTestSupport.client(port);
    EngineTestSupport.deploy(client);
    final long first = EngineTestSupport.createInstance(client);
    final long second = EngineTestSupport.createInstance(client);
    final List<ActivatedJob> jobs = EngineTestSupport.activate(client, EngineTestSupport.USER_TASK_JOB, 2);
    final ActivatedJob firstJob =
        jobs.stream().filter(j -> j.getProcessInstanceKey() == first).findFirst().orElseThrow();
    final ActivatedJob secondJob =
        jobs.stream().filter(j -> j.getProcessInstanceKey() == second).findFirst().orElseThrow();
    client.newCompleteCommand(firstJob.getKey()).send().join();
    System.out.println(
        "PQA READY " + first + " " + second + " " + firstJob.getKey() + " " + secondJob.getKey());
    System.out.flush();
    for (int i = 1; ; i++) {
      final long key = EngineTestSupport.createInstance(client);
      System.out.println("PQA ACK " + key);
      System.out.flush();
      if (i % 15 == 0) {
        engine.takeSnapshot(); // so the kill may also hit a snapshot or a log compaction
      }
    }
  }
}
