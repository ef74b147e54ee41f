package org.partnershipqa.engine.durable;

import io.camunda.zeebe.db.AccessMetricsConfiguration;
import io.camunda.zeebe.db.ConsistencyChecksSettings;
import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.db.impl.rocksdb.RocksDbConfiguration;
import io.camunda.zeebe.db.impl.rocksdb.ZeebeRocksDbFactory;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The engine's state (Zeebe's RocksDB-backed {@link ZeebeDb}, as in a broker) under {@code
 * state/}. The working copy {@code state/runtime} is thrown away on every start: RocksDB runs
 * without its write-ahead log, so after a crash its files are not a consistent state. The state is
 * rebuilt by replaying the log.
 */
final class StateStore {

  static final String STATE_DIR = "state";
  static final String RUNTIME_DIR = "runtime";

  private final Path runtime;
  private final long memoryLimitBytes;

  StateStore(final Path directory, final long memoryLimitBytes) {
    runtime = directory.resolve(STATE_DIR).resolve(RUNTIME_DIR);
    this.memoryLimitBytes = memoryLimitBytes;
  }

  /** Deletes any old working copy and opens an empty state. */
  ZeebeDb<ZbColumnFamilies> openFreshRuntime() {
    try {
      deleteRecursively(runtime);
      Files.createDirectories(runtime);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare engine state directory " + runtime, e);
    }
    final RocksDbConfiguration config =
        new RocksDbConfiguration()
            .setMemoryLimit(memoryLimitBytes)
            .setMemoryAllocationStrategy(RocksDbConfiguration.MemoryAllocationStrategy.PARTITION);
    return new ZeebeRocksDbFactory<ZbColumnFamilies>(
            config,
            new ConsistencyChecksSettings(),
            new AccessMetricsConfiguration(AccessMetricsConfiguration.Kind.NONE, 1),
            SimpleMeterRegistry::new)
        .createDb(runtime.toFile());
  }

  static void deleteRecursively(final Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
