package org.partnershipqa.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.assertions.BpmnAssert;
import io.camunda.zeebe.process.test.assertions.ProcessInstanceAssert;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.process.test.filters.StreamFilter;
import io.camunda.zeebe.process.test.inspections.model.InspectedProcessInstance;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A fresh embedded Zeebe engine with shipped models ({@code bpmn/*.bpmn}, read from the project directory) and
 * all shipped forms deployed, a client on its gRPC gateway, and helpers that drive a model the way the app's job
 * workers would: activate the jobs of one type and complete them. Every step waits for the engine to go idle;
 * nothing sleeps.
 */
public final class ProcessEngineFixture implements AutoCloseable {

  public static final String USER_TASK = "io.camunda.zeebe:userTask";
  public static final String CANDIDATE_GROUPS = "io.camunda.zeebe:candidateGroups";
  public static final String FORM_KEY = "io.camunda.zeebe:formKey";
  public static final String DUE_DATE = "io.camunda.zeebe:dueDate";

  private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration BUSY_TIMEOUT = Duration.ofMillis(500);
  /** Longer than any clock jump in these tests, so an activated job never times out and comes back. */
  private static final Duration JOB_TIMEOUT = Duration.ofDays(3650);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ZeebeTestEngine engine;
  private final CamundaClient client;
  private final List<ActivatedJob> pending = new ArrayList<>();
  private Duration clockOffset = Duration.ZERO;

  public ProcessEngineFixture(String... models) {
    engine = EngineFactory.create();
    engine.start();
    String address = engine.getGatewayAddress(); // "0.0.0.0:<port>"
    int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    client =
        CamundaClient.newClientBuilder()
            .grpcAddress(URI.create("http://localhost:" + port))
            .preferRestOverGrpc(false) // the embedded engine has no REST API; http:// means plaintext gRPC
            .build();
    // the models under test, and every shipped form as the app deploys them (the engine must accept them too)
    List<String> resources = new ArrayList<>();
    for (String model : models) {
      resources.add("bpmn/" + model);
    }
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      forms.map(Path::toString).filter(f -> f.endsWith(".form")).sorted().forEach(resources::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    DeployResourceCommandStep2 deploy = client.newDeployResourceCommand().addResourceFile(resources.get(0));
    for (String resource : resources.subList(1, resources.size())) {
      deploy = deploy.addResourceFile(resource);
    }
    deploy.send().join();
    BpmnAssert.initRecordStream(records());
  }

  public CamundaClient client() {
    return client;
  }

  public RecordStream records() {
    return RecordStream.of(engine.getRecordStreamSource());
  }

  /**
   * The engine's clock: real time plus the time this fixture has added (the engine's clock is not pinned), to the
   * second, in UTC.
   */
  public OffsetDateTime engineNow() {
    return OffsetDateTime.ofInstant(Instant.now().plus(clockOffset), ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
  }

  /** The message each model starts by (the app publishes it with the round's or concern's correlation key). */
  public static String startMessage(String processId) {
    return switch (processId) {
      case "themed-audit-round" -> "audit-round-launched";
      case "immediate-safeguarding-concern" -> "safeguarding-concern-raised";
      default -> throw new IllegalArgumentException(processId);
    };
  }

  public long start(String processId, Map<String, Object> variables) {
    return start(processId, "test-" + java.util.UUID.randomUUID(), variables);
  }

  /** Publishes the start message as the app does (no buffering) and returns the key of the instance it started. */
  public long start(String processId, String correlationKey, Map<String, Object> variables) {
    long before = instances(processId).stream().mapToLong(Long::longValue).max().orElse(-1);
    client.newPublishMessageCommand().messageName(startMessage(processId)).correlationKey(correlationKey)
        .timeToLive(Duration.ZERO).variables(variables).send().join();
    idle();
    return instances(processId).stream().mapToLong(Long::longValue).filter(k -> k > before).max()
        .orElseThrow(() -> new IllegalStateException("the start message started no instance of " + processId));
  }

  /** Starts an instance of a process with a none start event (as a call activity would) and returns its key. */
  public long create(String processId, Map<String, Object> variables) {
    long key = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().variables(variables)
        .send().join().getProcessInstanceKey();
    idle();
    return key;
  }

  /** Keys of the instances of a process the engine has activated so far. */
  public java.util.List<Long> instances(String processId) {
    return java.util.stream.StreamSupport.stream(
            io.camunda.zeebe.process.test.filters.RecordStream.of(engine.getRecordStreamSource())
                .processInstanceRecords().spliterator(), false)
        .filter(r -> r.getIntent() == io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent.ELEMENT_ACTIVATED)
        .filter(r -> r.getValue().getBpmnElementType() == io.camunda.zeebe.protocol.record.value.BpmnElementType.PROCESS)
        .filter(r -> r.getValue().getBpmnProcessId().equals(processId))
        .map(io.camunda.zeebe.protocol.record.Record::getKey).toList();
  }



  public void idle() {
    try {
      engine.waitForIdleState(IDLE_TIMEOUT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("engine did not go idle within " + IDLE_TIMEOUT, e);
    }
  }

  /** Moves the engine clock on; timers now due fire (wait for their jobs with {@link #awaitJobs}). */
  public void increaseTime(Duration duration) {
    engine.increaseTime(duration);
    clockOffset = clockOffset.plus(duration);
    idle();
  }

  /** Activates every activatable job of this type into the pending pool (they have a long timeout). */
  private void fetch(String type) {
    idle();
    pending.addAll(client.newActivateJobsCommand().jobType(type).maxJobsToActivate(100).timeout(JOB_TIMEOUT)
        .send().join().getJobs());
  }

  private List<ActivatedJob> matching(String type, String elementId) {
    return pending.stream()
        .filter(j -> j.getType().equals(type) && (elementId == null || j.getElementId().equals(elementId)))
        .toList();
  }

  /** The jobs of this type (and element, if given) that are waiting now; possibly none. Takes them. */
  public List<ActivatedJob> take(String type, String elementId) {
    fetch(type);
    List<ActivatedJob> found = matching(type, elementId);
    pending.removeAll(found);
    return found;
  }

  /**
   * Waits until exactly {@code count} jobs of this type (and element, if given) are waiting, and takes them. A
   * timer that just became due fires on the engine's own schedule, so this waits for the engine to get busy and
   * go idle again (never a fixed sleep) until they appear or a bounded number of rounds has passed.
   */
  public List<ActivatedJob> awaitJobs(String type, String elementId, int count) {
    fetch(type);
    for (int round = 0; matching(type, elementId).size() < count && round < 20; round++) {
      try {
        engine.waitForBusyState(BUSY_TIMEOUT);
      } catch (TimeoutException e) {
        // nothing happened in this interval: look again
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      fetch(type);
    }
    fetch(type);
    List<ActivatedJob> found = matching(type, elementId);
    assertThat(found).as("waiting jobs of type %s%s", type, elementId == null ? "" : " at " + elementId)
        .hasSize(count);
    pending.removeAll(found);
    return found;
  }

  public List<ActivatedJob> awaitJobs(String type, int count) {
    return awaitJobs(type, null, count);
  }

  public List<ActivatedJob> awaitUserTasks(String elementId, int count) {
    return awaitJobs(USER_TASK, elementId, count);
  }

  /** Asserts no job of this type (and element, if given) is waiting after the engine has gone idle. */
  public void assertNoJobs(String type, String elementId) {
    assertThat(take(type, elementId)).as("waiting jobs of type %s%s", type, elementId == null ? "" : " at " + elementId)
        .isEmpty();
  }

  public void complete(ActivatedJob job) {
    complete(job, Map.of());
  }

  public void complete(ActivatedJob job, Map<String, Object> variables) {
    client.newCompleteCommand(job.getKey()).variables(variables).send().join();
    idle();
  }

  public void completeAll(List<ActivatedJob> jobs) {
    jobs.forEach(this::complete);
  }

  public static List<String> candidateGroups(ActivatedJob job) {
    try {
      return JSON.readValue(job.getCustomHeaders().get(CANDIDATE_GROUPS), new TypeReference<List<String>>() {});
    } catch (Exception e) {
      throw new AssertionError("candidate groups header is not a JSON list: " + job.getCustomHeaders(), e);
    }
  }

  public static Instant dueDate(ActivatedJob job) {
    return OffsetDateTime.parse(job.getCustomHeaders().get(DUE_DATE)).toInstant();
  }

  public static String variable(ActivatedJob job, String name) {
    Object value = job.getVariablesAsMap().get(name);
    return value == null ? null : value.toString();
  }

  public boolean jobCanceled(long jobKey) {
    return StreamFilter.jobRecords(records()).withKey(jobKey).withIntent(JobIntent.CANCELED).stream().findAny()
        .isPresent();
  }

  public long jobsCreated(String type) {
    return StreamFilter.jobRecords(records()).withIntent(JobIntent.CREATED).stream()
        .filter(r -> r.getValue().getType().equals(type)).count();
  }

  public long activations(long processInstanceKey, String elementId) {
    return StreamFilter.processInstance(records()).withProcessInstanceKey(processInstanceKey)
        .withElementId(elementId).withIntent(ProcessInstanceIntent.ELEMENT_ACTIVATED).stream().count();
  }

  /**
   * The element ids of the element instances active now (activated, not yet completed or terminated), one entry
   * per instance; multi-instance bodies and their inner instances count separately.
   */
  public List<String> activeElements(long processInstanceKey) {
    Map<Long, String> active = new LinkedHashMap<>();
    StreamFilter.processInstance(records()).withProcessInstanceKey(processInstanceKey)
        .withRecordType(RecordType.EVENT).stream()
        .forEach(r -> {
          switch ((ProcessInstanceIntent) r.getIntent()) {
            case ELEMENT_ACTIVATED -> active.put(r.getKey(), r.getValue().getElementId());
            case ELEMENT_COMPLETED, ELEMENT_TERMINATED -> active.remove(r.getKey());
            default -> { }
          }
        });
    return List.copyOf(active.values());
  }

  public ProcessInstanceAssert assertInstance(long processInstanceKey) {
    BpmnAssert.initRecordStream(records());
    return BpmnAssert.assertThat(new InspectedProcessInstance(processInstanceKey));
  }

  @Override
  public void close() {
    client.close();
    engine.stop();
    BpmnAssert.resetRecordStream();
  }
}
