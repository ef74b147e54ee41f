package org.partnershipqa.engine.durable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** An exclusive OS file lock on the engine directory: two engines must never append to one log. */
final class DirectoryLock implements AutoCloseable {

  static final String FILE_NAME = "engine.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private DirectoryLock(final FileChannel channel, final FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static DirectoryLock acquire(final Path directory) {
    final Path file = directory.resolve(FILE_NAME);
    try {
      final FileChannel channel =
          FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      final FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        channel.close();
        throw inUse(directory);
      }
      if (lock == null) {
        channel.close();
        throw inUse(directory);
      }
      return new DirectoryLock(channel, lock);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot lock " + file, e);
    }
  }

  private static IllegalStateException inUse(final Path directory) {
    return new IllegalStateException(
        "Engine directory " + directory + " is in use by another engine (" + FILE_NAME + " is locked)");
  }

  @Override
  public void close() {
    try {
      if (lock.isValid()) {
        lock.release();
      }
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
