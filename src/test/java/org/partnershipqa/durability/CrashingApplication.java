package org.partnershipqa.durability;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.ForwardingClientCallListener.SimpleForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.partnershipqa.PartnershipQaApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The application, as a child process that kills itself with SIGKILL at one chosen point of its traffic
 * with the workflow engine: just before the n-th call of a gRPC method leaves ({@code before}), or just
 * after its n-th response arrived, before the application acts on it ({@code after}). Every hand-off between
 * the database and the engine is such a call, so these are the instants a crash hurts most.
 *
 * <p>Chosen with {@code -Dpqa.crash=<method>:<before|after>:<n>}, e.g. {@code CompleteJob:after:2}.
 */
public final class CrashingApplication {

  private CrashingApplication() {}

  public static void main(String[] args) {
    String spec = System.getProperty("pqa.crash", "");
    new SpringApplicationBuilder(PartnershipQaApplication.class)
        .initializers(context -> {
          if (!spec.isBlank()) {
            context.getBeanFactory().registerSingleton("crashPoint", new CrashPoint(spec));
          }
        })
        .run(args);
  }

  /** A gRPC client interceptor (the Camunda client picks up every such bean) that is the crash point. */
  static final class CrashPoint implements ClientInterceptor {

    private final String method;
    private final boolean before;
    private final int occurrence;
    private final AtomicInteger seen = new AtomicInteger();

    CrashPoint(String spec) {
      String[] parts = spec.split(":");
      this.method = parts[0];
      this.before = parts[1].equals("before");
      this.occurrence = Integer.parseInt(parts[2]);
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> descriptor, CallOptions options, Channel next) {
      ClientCall<Q, R> call = next.newCall(descriptor, options);
      if (!method.equals(descriptor.getBareMethodName())) {
        return call;
      }
      return new SimpleForwardingClientCall<>(call) {
        @Override
        public void start(Listener<R> listener, Metadata headers) {
          super.start(new SimpleForwardingClientCallListener<>(listener) {
            @Override
            public void onMessage(R message) {
              if (!before && seen.incrementAndGet() == occurrence) {
                die("after", message);
              }
              super.onMessage(message);
            }
          }, headers);
        }

        @Override
        public void sendMessage(Q message) {
          if (before && seen.incrementAndGet() == occurrence) {
            die("before", message);
          }
          super.sendMessage(message);
        }
      };
    }

    private void die(String phase, Object message) {
      String detail = message.toString().replaceAll("\\s+", " ");
      System.out.println("PQA CRASH " + method + ":" + phase + ":" + occurrence + " "
          + detail.substring(0, Math.min(300, detail.length())));
      System.out.flush();
      try {
        // a real SIGKILL, as an operator's kill -9 or the OOM killer would send: no shutdown hook runs
        new ProcessBuilder("kill", "-9", Long.toString(ProcessHandle.current().pid())).start().waitFor();
        new CountDownLatch(1).await(); // the signal arrives asynchronously; nothing may run on meanwhile
      } catch (IOException | InterruptedException e) {
        Runtime.getRuntime().halt(137);
      }
    }
  }
}
