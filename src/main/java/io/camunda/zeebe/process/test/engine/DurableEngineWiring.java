package io.camunda.zeebe.process.test.engine;

import io.camunda.search.clients.SearchClientsProxy;
import io.camunda.security.auth.BrokerRequestAuthorizationConverter;
import io.camunda.security.configuration.SecurityConfiguration;
import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.engine.Engine;
import io.camunda.zeebe.engine.EngineConfiguration;
import io.camunda.zeebe.engine.processing.EngineProcessors;
import io.camunda.zeebe.engine.processing.message.command.SubscriptionCommandSender;
import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.logstreams.storage.LogStorage;
import io.camunda.zeebe.logstreams.storage.LogStorageReader;
import io.camunda.zeebe.process.test.engine.db.InMemoryDbFactory;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.RejectionType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.scheduler.ActorScheduler;
import io.camunda.zeebe.scheduler.clock.ControlledActorClock;
import io.camunda.zeebe.stream.api.CommandResponseWriter;
import io.camunda.zeebe.stream.impl.ControllableStreamClockImpl;
import io.camunda.zeebe.stream.impl.StreamProcessor;
import io.camunda.zeebe.util.FeatureFlags;
import io.camunda.zeebe.util.buffer.BufferWriter;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.stub.StreamObserver;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.agrona.DirectBuffer;

/**
 * Partnership QA: wires the embedded Zeebe engine exactly as {@link EngineFactory} 8.8 does, except
 * that the log storage is supplied by the caller (a durable one) and that gateway request ids are
 * unique across restarts.
 *
 * <p>It lives in this package only because the engine's gateway, command writer, job streamer and
 * state monitor are package-private. Everything else (the file format, recovery, clock handling)
 * lives in {@code org.partnershipqa.engine.durable}. Keep this class free of logic.
 */
public final class DurableEngineWiring {

  private static final int PARTITION_ID = 1;
  private static final int PARTITION_COUNT = 1;

  private DurableEngineWiring() {}

  /** The wired parts; {@code engine} is the public facade, the rest is exposed for operations. */
  public record Parts(
      InMemoryEngine engine,
      LogStream logStream,
      StreamProcessor streamProcessor,
      Server grpcServer,
      ActorScheduler scheduler,
      ZeebeDb<ZbColumnFamilies> database) {}

  /**
   * @param storage the log storage; it must already hold every stored block, because the log
   *     stream reads its last position from it when it is built
   * @param firstRequestId gateway request ids start above this value; choose it above every id of
   *     a previous run, so a response to a command written before a restart can never reach a new
   *     request
   * @param database the engine state; {@code null} for the in-memory one {@link EngineFactory} uses
   */
  public static Parts wire(
      final int port,
      final LogStorage storage,
      final ControlledActorClock clock,
      final long firstRequestId,
      final ZeebeDb<ZbColumnFamilies> database) {
    final ActorScheduler scheduler = ActorScheduler.newActorScheduler().setActorClock(clock).build();
    scheduler.start();

    final InMemoryLogStorage monitoredStorage = new DelegatingLogStorage(storage);
    final LogStream logStream =
        LogStream.builder()
            .withPartitionId(PARTITION_ID)
            .withLogStorage(monitoredStorage)
            .withClock(clock)
            .withMeterRegistry(new SimpleMeterRegistry())
            .build();

    final CommandWriter commandWriter = new CommandWriter(logStream.newLogStreamWriter());
    final CommandSender commandSender = new CommandSender(commandWriter);
    final RestartSafeRequestStore requestStore = new RestartSafeRequestStore(firstRequestId);
    final InMemoryJobStreamer jobStreamer = new InMemoryJobStreamer(commandWriter);
    final GrpcToLogStreamGateway gateway =
        new GrpcToLogStreamGateway(
            commandWriter, PARTITION_ID, PARTITION_COUNT, port, requestStore, jobStreamer);
    final Server grpcServer = ServerBuilder.forPort(port).addService(gateway).build();
    final CommandResponseWriter responseWriter =
        new KnownRequestsOnlyResponseWriter(
            new GrpcResponseWriter(gateway, requestStore, null), requestStore);

    final ZeebeDb<ZbColumnFamilies> state =
        database != null ? database : new InMemoryDbFactory<ZbColumnFamilies>().createDb();
    // The in-memory state is not thread-safe; with the stock default (true) the engine's scheduled
    // tasks (timer and job-deadline checks, ...) read it from other threads while it is written.
    final boolean asyncScheduledTasks = database != null;

    final SecurityConfiguration securityConfig = new SecurityConfiguration();
    securityConfig.getAuthorizations().setEnabled(false);
    final StreamProcessor streamProcessor =
        StreamProcessor.builder()
            .logStream(logStream)
            .zeebeDb(state)
            .commandResponseWriter(responseWriter)
            .partitionCommandSender(commandSender)
            .recordProcessors(
                List.of(
                    new Engine(
                        context ->
                            EngineProcessors.createEngineProcessors(
                                context,
                                PARTITION_COUNT,
                                new SubscriptionCommandSender(
                                    context.getPartitionId(), commandSender),
                                commandSender,
                                FeatureFlags.createDefault(),
                                jobStreamer,
                                SearchClientsProxy.noop(),
                                new BrokerRequestAuthorizationConverter(securityConfig)),
                        new EngineConfiguration(),
                        securityConfig)))
            .actorSchedulingService(scheduler)
            .clock(new ControllableStreamClockImpl(clock))
            .meterRegistry(new SimpleMeterRegistry())
            .setEnableAsyncScheduledTasks(asyncScheduledTasks)
            .build();

    final EngineStateMonitor stateMonitor = new EngineStateMonitor(monitoredStorage, streamProcessor);
    final RecordStreamSourceImpl recordStream =
        new RecordStreamSourceImpl(logStream.newLogStreamReader(), PARTITION_ID);

    final InMemoryEngine engine =
        new InMemoryEngine(
            grpcServer,
            streamProcessor,
            gateway,
            state,
            logStream,
            scheduler,
            recordStream,
            clock,
            stateMonitor);
    return new Parts(engine, logStream, streamProcessor, grpcServer, scheduler, state);
  }

  /**
   * The engine's idle/busy monitor needs an {@link InMemoryLogStorage}; this one forwards every
   * call to the durable storage and keeps nothing itself.
   */
  private static final class DelegatingLogStorage extends InMemoryLogStorage {
    private final LogStorage delegate;

    private DelegatingLogStorage(final LogStorage delegate) {
      this.delegate = delegate;
    }

    @Override
    public LogStorageReader newReader() {
      return delegate.newReader();
    }

    @Override
    public void append(
        final long lowestPosition,
        final long highestPosition,
        final BufferWriter bufferWriter,
        final AppendListener listener) {
      delegate.append(lowestPosition, highestPosition, bufferWriter, listener);
    }

    @Override
    public void append(
        final long lowestPosition,
        final long highestPosition,
        final ByteBuffer buffer,
        final AppendListener listener) {
      delegate.append(lowestPosition, highestPosition, buffer, listener);
    }

    @Override
    public void addCommitListener(final CommitListener listener) {
      delegate.addCommitListener(listener);
    }

    @Override
    public void removeCommitListener(final CommitListener listener) {
      delegate.removeCommitListener(listener);
    }
  }

  /** Request ids start at a caller-chosen base instead of 0 on every start. */
  private static final class RestartSafeRequestStore extends GatewayRequestStore {
    private final Map<Long, Request> requests = new ConcurrentHashMap<>();
    private final AtomicLong ids;

    private RestartSafeRequestStore(final long firstRequestId) {
      ids = new AtomicLong(firstRequestId);
    }

    @Override
    Long registerNewRequest(
        final Class<? extends com.google.protobuf.GeneratedMessage> requestType,
        final StreamObserver<?> responseObserver) {
      final long id = ids.incrementAndGet();
      requests.put(id, new Request(requestType, responseObserver));
      return id;
    }

    @Override
    Request removeRequest(final Long requestId) {
      return requests.remove(requestId);
    }

    boolean isKnown(final long requestId) {
      return requests.containsKey(requestId);
    }
  }

  /**
   * After a restart the engine processes commands written before it (their gateway requests are
   * gone); the stock response writer fails on those. This one drops responses to unknown requests.
   */
  private static final class KnownRequestsOnlyResponseWriter implements CommandResponseWriter {
    private final GrpcResponseWriter delegate;
    private final RestartSafeRequestStore requests;

    private KnownRequestsOnlyResponseWriter(
        final GrpcResponseWriter delegate, final RestartSafeRequestStore requests) {
      this.delegate = delegate;
      this.requests = requests;
    }

    @Override
    public CommandResponseWriter partitionId(final int partitionId) {
      delegate.partitionId(partitionId);
      return this;
    }

    @Override
    public CommandResponseWriter key(final long key) {
      delegate.key(key);
      return this;
    }

    @Override
    public CommandResponseWriter intent(final Intent intent) {
      delegate.intent(intent);
      return this;
    }

    @Override
    public CommandResponseWriter recordType(final RecordType type) {
      delegate.recordType(type);
      return this;
    }

    @Override
    public CommandResponseWriter valueType(final ValueType valueType) {
      delegate.valueType(valueType);
      return this;
    }

    @Override
    public CommandResponseWriter rejectionType(final RejectionType rejectionType) {
      delegate.rejectionType(rejectionType);
      return this;
    }

    @Override
    public CommandResponseWriter rejectionReason(final DirectBuffer rejectionReason) {
      delegate.rejectionReason(rejectionReason);
      return this;
    }

    @Override
    public CommandResponseWriter valueWriter(final BufferWriter value) {
      delegate.valueWriter(value);
      return this;
    }

    @Override
    public void tryWriteResponse(final int requestStreamId, final long requestId) {
      if (requests.isKnown(requestId)) {
        delegate.tryWriteResponse(requestStreamId, requestId);
      }
    }
  }
}
