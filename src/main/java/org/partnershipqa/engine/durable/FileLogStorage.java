package org.partnershipqa.engine.durable;

import io.camunda.zeebe.logstreams.storage.LogStorage;
import io.camunda.zeebe.logstreams.storage.LogStorageReader;
import io.camunda.zeebe.util.buffer.BufferWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32C;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Zeebe {@link LogStorage} kept in one append-only file.
 *
 * <p>File layout (all integers little-endian):
 *
 * <pre>
 * file header, 16 bytes:  magic "PQALOG01" (8) | format version (4) | reserved (4)
 * block frame, repeated:  frame magic "BLK1" (4) | payload length (4) | lowest position (8)
 *                         | highest position (8) | CRC32C (4) | payload (length bytes)
 * </pre>
 *
 * The CRC covers the length, both positions and the payload. The payload is the block exactly as
 * the log stream's sequencer serialised it.
 *
 * <p>An append is written and forced to disk ({@code fdatasync}) before the append listener hears
 * {@code onWrite}/{@code onCommit} and before readers can see the block, so a block the engine has
 * acted on is always on disk. On open the file is scanned: the first frame that is short, has a bad
 * magic, a bad checksum or a position that does not follow its predecessor ends the log; the bytes
 * from there on are copied to a {@code .torn-<millis>} file beside the log and cut off.
 *
 * <p>Block payloads are read back from the file on demand (positional reads); only a small index
 * (position → file offset) is held in memory.
 */
final class FileLogStorage implements LogStorage, AutoCloseable {

  static final long FILE_MAGIC = 0x3130474F_4C415150L; // "PQALOG01" little-endian
  static final int FORMAT_VERSION = 1;
  static final int FILE_HEADER_LENGTH = 16;
  static final int FRAME_MAGIC = 0x314B4C42; // "BLK1" little-endian
  static final int FRAME_HEADER_LENGTH = 28;
  /** Guards against reading a corrupted length as a huge allocation. */
  static final int MAX_PAYLOAD_LENGTH = 256 * 1024 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(FileLogStorage.class);

  private enum State {
    OPEN,
    /** Simulated crash: appends vanish, as if the process had died. */
    FENCED,
    /** An I/O error happened; nothing more is written. */
    FAILED,
    CLOSED
  }

  /** Where one block's payload lives in the file. */
  private record Block(long lowestPosition, long highestPosition, long payloadOffset, int length) {}

  /** What opening the file found. */
  record Recovery(int blocks, long validBytes, long truncatedBytes, Path tornCopy, String reason) {}

  private final Path file;
  /** Swapped (with {@link #index}) only by compaction, under the append monitor and write lock. */
  private volatile FileChannel channel;
  private volatile ConcurrentSkipListMap<Long, Block> index = new ConcurrentSkipListMap<>();
  /** Readers hold the read lock while they look up and read a block; compaction the write lock. */
  private final ReentrantReadWriteLock swapLock = new ReentrantReadWriteLock();
  private final Object reopenLock = new Object();
  private final Set<CommitListener> commitListeners = new CopyOnWriteArraySet<>();
  private final Recovery recovery;

  private volatile State state = State.OPEN;
  private volatile long endOffset;
  private volatile long lastPosition = -1;
  private long blockCount;

  private FileLogStorage(final Path file, final FileChannel channel) throws IOException {
    this.file = file;
    this.channel = channel;
    recovery = recover();
  }

  static FileLogStorage open(final Path file) {
    try {
      Files.deleteIfExists(compactionFile(file)); // a compaction interrupted by a crash
      final boolean created = !Files.exists(file);
      final FileChannel channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      if (created) {
        DurableFiles.forceDirectory(file.toAbsolutePath().getParent());
      }
      try {
        return new FileLogStorage(file, channel);
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open engine log " + file + ": " + e.getMessage(), e);
    }
  }

  // ---- recovery ----------------------------------------------------------------------------

  private Recovery recover() throws IOException {
    final long size = channel.size();
    if (size < FILE_HEADER_LENGTH) {
      // new file, or a crash while the header was being written: nothing was ever acknowledged
      final ByteBuffer header = ByteBuffer.allocate(FILE_HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
      header.putLong(FILE_MAGIC).putInt(FORMAT_VERSION).putInt(0).flip();
      final ByteBuffer existing = ByteBuffer.allocate((int) size);
      readFully(existing, 0);
      if (!existing.flip().equals(header.duplicate().limit((int) size))) {
        throw new IOException(file + " is not a Partnership QA engine log (bad magic)");
      }
      channel.truncate(0);
      writeFully(header, 0);
      channel.force(true);
      endOffset = FILE_HEADER_LENGTH;
      return new Recovery(0, FILE_HEADER_LENGTH, size, null, size == 0 ? null : "short header");
    }
    final ByteBuffer header = ByteBuffer.allocate(FILE_HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
    readFully(header, 0);
    header.flip();
    final long magic = header.getLong();
    final int version = header.getInt();
    if (magic != FILE_MAGIC) {
      throw new IOException(file + " is not a Partnership QA engine log (bad magic)");
    }
    if (version != FORMAT_VERSION) {
      throw new IOException(file + " has log format version " + version + ", expected " + FORMAT_VERSION);
    }

    long offset = FILE_HEADER_LENGTH;
    String problem = null;
    final ByteBuffer frameHeader = ByteBuffer.allocate(FRAME_HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
    ByteBuffer payload = ByteBuffer.allocate(64 * 1024);
    final CRC32C crc = new CRC32C();
    while (offset < size) {
      if (size - offset < FRAME_HEADER_LENGTH) {
        problem = "partial frame header";
        break;
      }
      frameHeader.clear();
      readFully(frameHeader, offset);
      frameHeader.flip();
      final int frameMagic = frameHeader.getInt();
      final int length = frameHeader.getInt();
      final long lowest = frameHeader.getLong();
      final long highest = frameHeader.getLong();
      final int storedCrc = frameHeader.getInt();
      if (frameMagic != FRAME_MAGIC) {
        problem = "bad frame magic";
        break;
      }
      if (length <= 0 || length > MAX_PAYLOAD_LENGTH) {
        problem = "bad frame length " + length;
        break;
      }
      if (size - offset - FRAME_HEADER_LENGTH < length) {
        problem = "partial frame payload";
        break;
      }
      if (highest < lowest || (lastPosition >= 0 && lowest != lastPosition + 1)) {
        problem = "positions " + lowest + ".." + highest + " do not follow " + lastPosition;
        break;
      }
      if (payload.capacity() < length) {
        payload = ByteBuffer.allocate(Math.max(length, payload.capacity() * 2));
      }
      payload.clear().limit(length);
      readFully(payload, offset + FRAME_HEADER_LENGTH);
      payload.flip();
      crc.reset();
      crc.update(frameHeader.array(), 4, 20);
      crc.update(payload);
      if ((int) crc.getValue() != storedCrc) {
        problem = "checksum mismatch";
        break;
      }
      index.put(lowest, new Block(lowest, highest, offset + FRAME_HEADER_LENGTH, length));
      blockCount++;
      lastPosition = highest;
      offset += FRAME_HEADER_LENGTH + length;
    }
    endOffset = offset;

    if (problem == null) {
      return new Recovery(index.size(), offset, 0, null, null);
    }
    final long torn = size - offset;
    final Path copy = file.resolveSibling(file.getFileName() + ".torn-" + System.currentTimeMillis());
    try (FileChannel out =
        FileChannel.open(copy, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      channel.transferTo(offset, torn, out);
      out.force(true);
    }
    channel.truncate(offset);
    channel.force(true);
    DurableFiles.forceDirectory(file.toAbsolutePath().getParent());
    LOG.warn(
        "Engine log {}: {} at byte {}; kept {} blocks (last position {}), cut {} bytes (copied to {})",
        file, problem, offset, index.size(), lastPosition, torn, copy);
    return new Recovery(index.size(), offset, torn, copy, problem);
  }

  // ---- LogStorage --------------------------------------------------------------------------

  @Override
  public LogStorageReader newReader() {
    return new Reader();
  }

  @Override
  public void append(
      final long lowestPosition,
      final long highestPosition,
      final BufferWriter bufferWriter,
      final AppendListener listener) {
    final int length = bufferWriter.getLength();
    final ByteBuffer frame =
        ByteBuffer.allocate(FRAME_HEADER_LENGTH + length).order(ByteOrder.LITTLE_ENDIAN);
    bufferWriter.write(new UnsafeBuffer(frame), FRAME_HEADER_LENGTH);
    writeFrameHeader(frame, length, lowestPosition, highestPosition);
    appendFrame(frame, lowestPosition, highestPosition, length, listener);
  }

  @Override
  public void append(
      final long lowestPosition,
      final long highestPosition,
      final ByteBuffer buffer,
      final AppendListener listener) {
    final int length = buffer.remaining();
    final ByteBuffer frame =
        ByteBuffer.allocate(FRAME_HEADER_LENGTH + length).order(ByteOrder.LITTLE_ENDIAN);
    frame.put(FRAME_HEADER_LENGTH, buffer.duplicate(), buffer.position(), length);
    writeFrameHeader(frame, length, lowestPosition, highestPosition);
    appendFrame(frame, lowestPosition, highestPosition, length, listener);
  }

  private static void writeFrameHeader(
      final ByteBuffer frame, final int length, final long lowest, final long highest) {
    frame.putInt(0, FRAME_MAGIC);
    frame.putInt(4, length);
    frame.putLong(8, lowest);
    frame.putLong(16, highest);
    final CRC32C crc = new CRC32C();
    crc.update(frame.array(), 4, 20);
    crc.update(frame.array(), FRAME_HEADER_LENGTH, length);
    frame.putInt(24, (int) crc.getValue());
    frame.position(0).limit(FRAME_HEADER_LENGTH + length);
  }

  private synchronized void appendFrame(
      final ByteBuffer frame,
      final long lowest,
      final long highest,
      final int length,
      final AppendListener listener) {
    switch (state) {
      case OPEN -> {}
      case FENCED -> {
        return; // a crashed process acknowledges nothing
      }
      case FAILED -> throw new IllegalStateException("Engine log " + file + " failed earlier; restart");
      case CLOSED -> throw new IllegalStateException("Engine log " + file + " is closed");
    }
    if (lastPosition >= 0 && lowest != lastPosition + 1) {
      throw new IllegalArgumentException(
          "Block " + lowest + ".." + highest + " does not follow position " + lastPosition);
    }
    final long frameOffset = endOffset;
    try {
      io(
          ch -> {
            writeFully(ch, frame.rewind(), frameOffset); // positional: a retry rewrites the same bytes
            ch.force(false);
            return null;
          });
    } catch (IOException e) {
      state = State.FAILED;
      LOG.error("Engine log {}: write failed; the engine cannot continue until restarted", file, e);
      throw new UncheckedIOException(e);
    }
    index.put(lowest, new Block(lowest, highest, frameOffset + FRAME_HEADER_LENGTH, length));
    endOffset = frameOffset + FRAME_HEADER_LENGTH + length;
    lastPosition = highest;
    final long blockIndex = ++blockCount;
    listener.onWrite(blockIndex, highest);
    listener.onCommit(blockIndex, highest);
    commitListeners.forEach(CommitListener::onCommit);
  }

  @Override
  public void addCommitListener(final CommitListener listener) {
    commitListeners.add(listener);
  }

  @Override
  public void removeCommitListener(final CommitListener listener) {
    commitListeners.remove(listener);
  }

  // ---- operations --------------------------------------------------------------------------

  /** The log's extent at one instant: its length in bytes, positions and blocks. */
  record Extent(long bytes, long firstPosition, long lastPosition, int blocks) {}

  /**
   * Runs {@code action} while no block can be appended (an append waits until it returns) and
   * returns the log's extent during it. For a consistent backup: whatever {@code action} records
   * (e.g. the start of a database snapshot) belongs to the same instant as the log's first
   * {@link Extent#bytes()} bytes. Keep {@code action} short: the engine stands still meanwhile.
   */
  synchronized Extent whileFrozen(final Runnable action) {
    if (state != State.OPEN) {
      throw new IllegalStateException("Engine log " + file + " is not open (" + state + ")");
    }
    final Extent extent = new Extent(endOffset, firstPosition(), lastPosition, index.size());
    action.run();
    return extent;
  }

  /** The log file; its bytes below {@link #sizeBytes()} change only by compaction. */
  Path file() {
    return file;
  }

  long sizeBytes() {
    return endOffset;
  }

  long lastPosition() {
    return lastPosition;
  }

  long lastBlockLowestPosition() {
    final Map.Entry<Long, Block> last = index.lastEntry();
    return last == null ? -1 : last.getKey();
  }

  int blockCount() {
    return index.size();
  }

  Recovery recovery() {
    return recovery;
  }

  boolean hasFailed() {
    return state == State.FAILED;
  }

  /** Lowest position still in the log, or -1 for an empty log. */
  long firstPosition() {
    final Map.Entry<Long, Block> first = index.firstEntry();
    return first == null ? -1 : first.getKey();
  }

  static Path compactionFile(final Path file) {
    return file.resolveSibling(file.getFileName() + ".compacting");
  }

  /**
   * Drops the blocks whose positions are all below {@code position} (the position of a durable
   * state snapshot), by rewriting the file without them. The last block is always kept: the log
   * stream takes its next position from it. Appends are blocked only while the blocks appended
   * during the copy are copied too and the files are swapped.
   *
   * @return the number of bytes removed
   */
  long compactBelow(final long position) {
    final long cutOffset;
    final long copiedUpTo;
    final Path temp = compactionFile(file);
    synchronized (this) {
      if (state != State.OPEN) {
        return 0;
      }
      final Block last = index.isEmpty() ? null : index.lastEntry().getValue();
      Block firstKept = last;
      for (Block block : index.values()) {
        if (block.highestPosition() >= position) {
          firstKept = block;
          break;
        }
      }
      if (firstKept == null) {
        return 0;
      }
      cutOffset = firstKept.payloadOffset() - FRAME_HEADER_LENGTH;
      if (cutOffset <= FILE_HEADER_LENGTH) {
        return 0;
      }
      copiedUpTo = endOffset;
    }
    try {
      try (FileChannel out =
          FileChannel.open(
              temp,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE)) {
        final ByteBuffer header =
            ByteBuffer.allocate(FILE_HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        header.putLong(FILE_MAGIC).putInt(FORMAT_VERSION).putInt(0).flip();
        while (header.hasRemaining()) {
          out.write(header);
        }
        transferFully(cutOffset, copiedUpTo, out); // appends continue meanwhile
      }
      synchronized (this) {
        if (state != State.OPEN) {
          Files.deleteIfExists(temp);
          return 0;
        }
        final FileChannel next =
            FileChannel.open(temp, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
          next.position(next.size());
          transferFully(copiedUpTo, endOffset, next); // what was appended during the copy
          final long expected = FILE_HEADER_LENGTH + endOffset - cutOffset;
          if (next.size() != expected) {
            throw new IOException("Compaction wrote " + next.size() + " bytes, expected " + expected);
          }
          next.force(true);
        } catch (IOException | RuntimeException e) {
          next.close();
          throw e;
        }
        final long shift = cutOffset - FILE_HEADER_LENGTH;
        final ConcurrentSkipListMap<Long, Block> kept = new ConcurrentSkipListMap<>();
        index.tailMap(firstKeptKey(cutOffset), true)
            .forEach(
                (key, block) ->
                    kept.put(
                        key,
                        new Block(
                            block.lowestPosition(),
                            block.highestPosition(),
                            block.payloadOffset() - shift,
                            block.length())));
        swapLock.writeLock().lock();
        try {
          Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
          DurableFiles.forceDirectory(file.toAbsolutePath().getParent());
          final FileChannel old = channel;
          channel = next;
          index = kept;
          endOffset -= shift;
          old.close();
        } finally {
          swapLock.writeLock().unlock();
        }
        LOG.info(
            "Engine log {}: dropped {} bytes below position {}; {} blocks from position {} remain",
            file, shift, position, kept.size(), firstPosition());
        return shift;
      }
    } catch (IOException e) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // the next open deletes it
      }
      throw new UncheckedIOException("Compacting engine log " + file + " failed", e);
    }
  }

  private long firstKeptKey(final long cutOffset) {
    for (Map.Entry<Long, Block> entry : index.entrySet()) {
      if (entry.getValue().payloadOffset() - FRAME_HEADER_LENGTH >= cutOffset) {
        return entry.getKey();
      }
    }
    throw new IllegalStateException("no block at or after byte " + cutOffset);
  }

  private void transferFully(final long from, final long to, final FileChannel out)
      throws IOException {
    long at = from;
    while (at < to) {
      final long moved = channel.transferTo(at, to - at, out);
      if (moved <= 0) {
        throw new IOException("Unexpected end of " + file + " at byte " + at);
      }
      at += moved;
    }
  }

  /** Test hook for a crash: from now on appends are silently lost and never acknowledged. */
  synchronized void fence() {
    if (state == State.OPEN) {
      state = State.FENCED;
    }
  }

  @Override
  public synchronized void close() {
    if (state == State.CLOSED) {
      return;
    }
    final boolean flush = state == State.OPEN;
    state = State.CLOSED;
    try {
      if (flush) {
        channel.force(true);
      }
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot close engine log " + file, e);
    }
  }

  // ---- I/O helpers -------------------------------------------------------------------------

  /** One I/O operation on the current channel. */
  private interface ChannelIo<T> {
    T run(FileChannel channel) throws IOException;
  }

  /**
   * Runs {@code op} so that an interrupt of the calling thread cannot break the storage: Java
   * closes a {@link FileChannel} when a thread blocked in it is interrupted, which would stop the
   * engine. The interrupt flag is cleared for the I/O (and restored afterwards); if the channel
   * was closed that way anyway, it is reopened and the (positional, hence repeatable) operation is
   * retried.
   */
  private <T> T io(final ChannelIo<T> op) throws IOException {
    boolean interrupted = Thread.interrupted();
    try {
      for (int attempt = 1; ; attempt++) {
        final FileChannel current = channel;
        try {
          return op.run(current);
        } catch (ClosedChannelException e) {
          interrupted |= Thread.interrupted(); // remembered for later, cleared for the retry
          if (attempt >= 3 || state == State.CLOSED) {
            throw e;
          }
          reopen(current);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void reopen(final FileChannel closed) throws IOException {
    synchronized (reopenLock) {
      if (channel == closed && !closed.isOpen() && state != State.CLOSED) {
        LOG.warn("Engine log {}: channel closed by a thread interrupt; reopening it", file);
        channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
      }
    }
  }

  private void writeFully(final ByteBuffer buffer, final long position) throws IOException {
    writeFully(channel, buffer, position);
  }

  private static void writeFully(final FileChannel channel, final ByteBuffer buffer, final long position)
      throws IOException {
    long at = position;
    while (buffer.hasRemaining()) {
      at += channel.write(buffer, at);
    }
  }

  private void readFully(final ByteBuffer buffer, final long position) throws IOException {
    readFully(channel, buffer, position);
  }

  private void readFully(final FileChannel channel, final ByteBuffer buffer, final long position)
      throws IOException {
    long at = position;
    while (buffer.hasRemaining()) {
      final int read = channel.read(buffer, at);
      if (read < 0) {
        throw new IOException("Unexpected end of " + file + " at byte " + at);
      }
      at += read;
    }
  }

  private ByteBuffer readPayload(final Block block) {
    final ByteBuffer payload = ByteBuffer.allocate(block.length());
    try {
      io(
          ch -> {
            readFully(ch, payload.clear(), block.payloadOffset());
            return null;
          });
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read engine log " + file, e);
    }
    return payload.flip();
  }

  /**
   * Iterates blocks in position order. Like the engine's in-memory storage, {@code seek(p)} moves
   * to the last block whose lowest position is below {@code p} (or the first block); the log
   * stream reader then scans forward. New blocks appended later become visible to an existing
   * reader.
   */
  private final class Reader implements LogStorageReader {
    private long nextFrom = Long.MIN_VALUE;

    @Override
    public void seek(final long position) {
      final Map.Entry<Long, Block> entry = index.lowerEntry(position);
      nextFrom = entry == null ? Long.MIN_VALUE : entry.getKey();
    }

    @Override
    public boolean hasNext() {
      return index.ceilingKey(nextFrom) != null;
    }

    @Override
    public DirectBuffer next() {
      swapLock.readLock().lock();
      try {
        final Map.Entry<Long, Block> entry = index.ceilingEntry(nextFrom);
        if (entry == null) {
          throw new NoSuchElementException();
        }
        nextFrom = entry.getKey() + 1;
        return new UnsafeBuffer(readPayload(entry.getValue()));
      } finally {
        swapLock.readLock().unlock();
      }
    }

    @Override
    public void close() {}
  }
}
