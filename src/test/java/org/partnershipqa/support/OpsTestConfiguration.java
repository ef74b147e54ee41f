package org.partnershipqa.support;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * For the operational tests: the worker of the test model {@code ops/ops-flaky-step.bpmn}, which fails while the
 * partner system is "down" (a switch), and a cut in the client's link to the engine for chosen gRPC methods.
 */
@TestConfiguration
public class OpsTestConfiguration {

  public static final String FLAKY_STEP = "test.flaky-step";
  public static final String FAILURE = "Partner system unavailable (test switch off)";
  /** While false, the flaky step fails; each failure uses up a retry and backs off for an hour (engine time). */
  public static final AtomicBoolean partnerSystemUp = new AtomicBoolean();
  /** gRPC method names (suffixes, e.g. {@code /CompleteJob}) the engine link refuses, as a rejection would. */
  public static volatile Set<String> refusedMethods = Set.of();
  public static final AtomicInteger refused = new AtomicInteger();

  @Bean
  FlakyStepWorker flakyStepWorker() {
    return new FlakyStepWorker();
  }

  @Bean
  ClientInterceptor refuseChosenEngineCalls() {
    return new ClientInterceptor() {
      @Override
      public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        if (refusedMethods.stream().noneMatch(method.getFullMethodName()::endsWith)) {
          return next.newCall(method, options);
        }
        refused.incrementAndGet();
        Status status = Status.FAILED_PRECONDITION.withDescription("refused by the test's engine link");
        return new ClientCall<>() {
          @Override public void start(Listener<R> listener, Metadata headers) {
            listener.onClose(status, new Metadata());
          }
          @Override public void request(int n) {}
          @Override public void cancel(String message, Throwable cause) {}
          @Override public void halfClose() {}
          @Override public void sendMessage(Q message) {}
        };
      }
    };
  }

  /** A step that calls a partner system; fails (with a retry used up and a one-hour back-off) while it is down. */
  public static class FlakyStepWorker {
    @JobWorker(type = FLAKY_STEP)
    public Map<String, Object> send(ActivatedJob job) {
      if (!partnerSystemUp.get()) {
        throw CamundaError.jobError(FAILURE, Map.of(), job.getRetries() - 1, Duration.ofHours(1));
      }
      return Map.of("sentToPartner", true);
    }
  }
}
