package org.partnershipqa.engine.durable;

import io.camunda.zeebe.logstreams.storage.LogStorage;
import io.camunda.zeebe.logstreams.storage.LogStorageReader;
import io.camunda.zeebe.util.buffer.BufferWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArraySet;
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
  private final FileChannel channel;
  private final ConcurrentSkipListMap<Long, Block> index = new ConcurrentSkipListMap<>();
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
      writeFully(frame, frameOffset);
      channel.force(false);
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

  private void writeFully(final ByteBuffer buffer, final long position) throws IOException {
    long at = position;
    while (buffer.hasRemaining()) {
      at += channel.write(buffer, at);
    }
  }

  private void readFully(final ByteBuffer buffer, final long position) throws IOException {
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
      readFully(payload, block.payloadOffset());
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
      final Map.Entry<Long, Block> entry = index.ceilingEntry(nextFrom);
      if (entry == null) {
        throw new NoSuchElementException();
      }
      nextFrom = entry.getKey() + 1;
      return new UnsafeBuffer(readPayload(entry.getValue()));
    }

    @Override
    public void close() {}
  }
}
