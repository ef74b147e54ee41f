package org.partnershipqa.engine.durable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.logstreams.storage.LogStorage.AppendListener;
import io.camunda.zeebe.logstreams.storage.LogStorageReader;
import io.camunda.zeebe.util.buffer.BufferWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileLogStorageTest {

  @TempDir Path directory;

  private Path file() {
    return directory.resolve("log.dat");
  }

  private static BufferWriter bytes(final String text) {
    final byte[] content = text.getBytes(StandardCharsets.UTF_8);
    return new BufferWriter() {
      @Override
      public int getLength() {
        return content.length;
      }

      @Override
      public int write(final MutableDirectBuffer buffer, final int offset) {
        buffer.putBytes(offset, content);
        return content.length;
      }
    };
  }

  private static final AppendListener NO_LISTENER = new AppendListener() {};

  /** Blocks 1..1 "a", 2..3 "bb", 4..6 "ccc". */
  private void writeThreeBlocks() {
    try (FileLogStorage storage = FileLogStorage.open(file())) {
      storage.append(1, 1, bytes("a"), NO_LISTENER);
      storage.append(2, 3, bytes("bb"), NO_LISTENER);
      storage.append(4, 6, bytes("ccc"), NO_LISTENER);
    }
  }

  private static List<String> readAll(final LogStorageReader reader) {
    final List<String> blocks = new ArrayList<>();
    while (reader.hasNext()) {
      final DirectBuffer buffer = reader.next();
      blocks.add(buffer.getStringWithoutLengthUtf8(0, buffer.capacity()));
    }
    return blocks;
  }

  @Test
  void blocksSurviveReopening() {
    writeThreeBlocks();
    try (FileLogStorage storage = FileLogStorage.open(file())) {
      assertThat(storage.recovery().truncatedBytes()).isZero();
      assertThat(storage.blockCount()).isEqualTo(3);
      assertThat(storage.lastPosition()).isEqualTo(6);
      assertThat(readAll(storage.newReader())).containsExactly("a", "bb", "ccc");
      assertThat(storage.sizeBytes())
          .isEqualTo(FileLogStorage.FILE_HEADER_LENGTH + 3 * FileLogStorage.FRAME_HEADER_LENGTH + 6);
    }
  }

  @Test
  void seekBehavesLikeTheInMemoryStorage() {
    writeThreeBlocks();
    try (FileLogStorage storage = FileLogStorage.open(file())) {
      final LogStorageReader reader = storage.newReader();
      reader.seek(3); // block 2..3: the last block whose lowest position is below 3
      assertThat(readAll(reader)).containsExactly("bb", "ccc");
      reader.seek(4); // lowest position 4 itself: the block before it, like InMemoryLogStorage
      assertThat(readAll(reader)).containsExactly("bb", "ccc");
      reader.seek(1);
      assertThat(readAll(reader)).containsExactly("a", "bb", "ccc");
      reader.seek(Long.MAX_VALUE);
      assertThat(readAll(reader)).containsExactly("ccc");
      // a reader at the end sees blocks appended later
      storage.append(7, 7, bytes("d"), NO_LISTENER);
      assertThat(readAll(reader)).containsExactly("d");
    }
  }

  @Test
  void listenersHearOfABlockOnlyOnceItIsInTheFile() throws IOException {
    final List<Long> sizesSeen = new ArrayList<>();
    final AtomicLong committed = new AtomicLong(-1);
    try (FileLogStorage storage = FileLogStorage.open(file())) {
      storage.addCommitListener(() -> sizesSeen.add(fileSize()));
      storage.append(
          1,
          2,
          bytes("xy"),
          new AppendListener() {
            @Override
            public void onCommit(final long index, final long highestPosition) {
              committed.set(highestPosition);
              sizesSeen.add(fileSize());
            }
          });
    }
    assertThat(committed).hasValue(2);
    final long expected = FileLogStorage.FILE_HEADER_LENGTH + FileLogStorage.FRAME_HEADER_LENGTH + 2;
    assertThat(sizesSeen).containsExactly(expected, expected);
  }

  private long fileSize() {
    try {
      return Files.size(file());
    } catch (IOException e) {
      throw new RuntimeException(e);
    }
  }

  @Test
  void garbageAfterTheLastBlockIsCutAndKept() throws IOException {
    writeThreeBlocks();
    final long validSize = Files.size(file());
    Files.write(file(), new byte[] {1, 2, 3, 4, 5, 6, 7}, java.nio.file.StandardOpenOption.APPEND);
    try (FileLogStorage storage = FileLogStorage.open(file())) {
      assertThat(storage.recovery().truncatedBytes()).isEqualTo(7);
      assertThat(storage.recovery().reason()).isEqualTo("partial frame header");
      assertThat(storage.blockCount()).isEqualTo(3);
      assertThat(Files.size(file())).isEqualTo(validSize);
      assertThat(Files.readAllBytes(storage.recovery().tornCopy())).containsExactly(1, 2, 3, 4, 5, 6, 7);
      // appending continues after the last good block
      storage.append(7, 7, bytes("d"), NO_LISTENER);
    }
    try (FileLogStorage storage = FileLogStorage.open(file())) {
      assertThat(readAll(storage.newReader())).containsExactly("a", "bb", "ccc", "d");
    }
  }

  @Test
  void aLastBlockCutShortIsDropped() throws IOException {
    writeThreeBlocks();
    try (RandomAccessFile raf = new RandomAccessFile(file().toFile(), "rw")) {
      raf.setLength(raf.length() - 1);
    }
    try (FileLogStorage storage = FileLogStorage.open(file())) {
      assertThat(storage.recovery().reason()).isEqualTo("partial frame payload");
      assertThat(storage.recovery().truncatedBytes()).isEqualTo(FileLogStorage.FRAME_HEADER_LENGTH + 2);
      assertThat(storage.lastPosition()).isEqualTo(3);
      assertThat(readAll(storage.newReader())).containsExactly("a", "bb");
      storage.append(4, 4, bytes("C"), NO_LISTENER);
    }
  }

  @Test
  void aLastBlockWithABadChecksumIsDropped() throws IOException {
    writeThreeBlocks();
    try (RandomAccessFile raf = new RandomAccessFile(file().toFile(), "rw")) {
      raf.seek(raf.length() - 1);
      raf.write('x'); // "ccc" -> "ccx"
    }
    try (FileLogStorage storage = FileLogStorage.open(file())) {
      assertThat(storage.recovery().reason()).isEqualTo("checksum mismatch");
      assertThat(readAll(storage.newReader())).containsExactly("a", "bb");
    }
  }

  @Test
  void aCrashWhileCreatingTheFileLeavesAnEmptyLog() throws IOException {
    Files.write(file(), new byte[] {0x50, 0x51, 0x41}); // "PQA": the start of the header
    try (FileLogStorage storage = FileLogStorage.open(file())) {
      assertThat(storage.blockCount()).isZero();
      assertThat(storage.lastPosition()).isEqualTo(-1);
      storage.append(1, 1, bytes("a"), NO_LISTENER);
    }
    try (FileLogStorage storage = FileLogStorage.open(file())) {
      assertThat(readAll(storage.newReader())).containsExactly("a");
    }
  }

  @Test
  void aForeignFileIsNotTouched() throws IOException {
    final byte[] foreign = "this is not an engine log at all".getBytes(StandardCharsets.UTF_8);
    Files.write(file(), foreign);
    assertThatThrownBy(() -> FileLogStorage.open(file())).hasMessageContaining("bad magic");
    assertThat(Files.readAllBytes(file())).isEqualTo(foreign);
  }

  @Test
  void aShortForeignFileIsNotTouched() throws IOException {
    Files.write(file(), new byte[] {1, 2, 3});
    assertThatThrownBy(() -> FileLogStorage.open(file())).hasMessageContaining("bad magic");
    assertThat(Files.readAllBytes(file())).containsExactly(1, 2, 3);
  }

  @Test
  void anInterruptedThreadCanStillAppendAndRead() {
    try (FileLogStorage storage = FileLogStorage.open(file())) {
      Thread.currentThread().interrupt();
      try {
        storage.append(1, 1, bytes("a"), NO_LISTENER);
        assertThat(readAll(storage.newReader())).containsExactly("a");
        assertThat(Thread.currentThread().isInterrupted()).isTrue(); // the flag is kept
      } finally {
        Thread.interrupted();
      }
      storage.append(2, 2, bytes("b"), NO_LISTENER);
    }
    try (FileLogStorage storage = FileLogStorage.open(file())) {
      assertThat(readAll(storage.newReader())).containsExactly("a", "b");
    }
  }

  @Test
  void compactionDropsWholeBlocksBelowThePosition() throws IOException {
    writeThreeBlocks(); // 1..1 a, 2..3 bb, 4..6 ccc
    try (FileLogStorage storage = FileLogStorage.open(file())) {
      final LogStorageReader reader = storage.newReader();
      assertThat(reader.next().capacity()).isEqualTo(1); // a reader positioned before the cut
      final long dropped = storage.compactBelow(3); // block 2..3 holds position 3: kept
      assertThat(dropped).isEqualTo(FileLogStorage.FRAME_HEADER_LENGTH + 1);
      assertThat(storage.firstPosition()).isEqualTo(2);
      assertThat(readAll(reader)).containsExactly("bb", "ccc");
      storage.append(7, 7, bytes("d"), NO_LISTENER);
      assertThat(Files.size(file())).isEqualTo(storage.sizeBytes());
    }
    try (FileLogStorage storage = FileLogStorage.open(file())) {
      assertThat(storage.recovery().truncatedBytes()).isZero();
      assertThat(readAll(storage.newReader())).containsExactly("bb", "ccc", "d");
      // never below the last block: the log stream continues from its position
      storage.compactBelow(Long.MAX_VALUE);
      assertThat(readAll(storage.newReader())).containsExactly("d");
      assertThat(storage.lastPosition()).isEqualTo(7);
      assertThat(storage.compactBelow(Long.MAX_VALUE)).isZero();
    }
    assertThat(Files.exists(FileLogStorage.compactionFile(file()))).isFalse();
  }

  @Test
  void compactionKeepsBlocksAppendedWhileItCopies() throws Exception {
    final int blocks = 3000;
    try (FileLogStorage storage = FileLogStorage.open(file())) {
      for (int i = 1; i <= blocks; i++) {
        storage.append(i, i, bytes("block-" + i), NO_LISTENER);
      }
      final Thread appender =
          Thread.ofPlatform()
              .start(
                  () -> {
                    for (int i = blocks + 1; i <= blocks + 300; i++) {
                      storage.append(i, i, bytes("block-" + i), NO_LISTENER);
                    }
                  });
      storage.compactBelow(blocks / 2);
      appender.join();
      final List<String> all = readAll(storage.newReader());
      assertThat(all.get(0)).isEqualTo("block-" + blocks / 2);
      assertThat(all.get(all.size() - 1)).isEqualTo("block-" + (blocks + 300));
      assertThat(all).hasSize(blocks / 2 + 301);
    }
    try (FileLogStorage storage = FileLogStorage.open(file())) {
      assertThat(storage.recovery().truncatedBytes()).isZero();
      assertThat(storage.blockCount()).isEqualTo(blocks / 2 + 301);
    }
  }

  @Test
  void blocksMustFollowEachOther() {
    try (FileLogStorage storage = FileLogStorage.open(file())) {
      storage.append(1, 2, bytes("a"), NO_LISTENER);
      assertThatThrownBy(() -> storage.append(5, 5, bytes("b"), NO_LISTENER))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aFencedStorageAcknowledgesNothing() {
    final AtomicLong committed = new AtomicLong(-1);
    try (FileLogStorage storage = FileLogStorage.open(file())) {
      storage.append(1, 1, bytes("a"), NO_LISTENER);
      storage.fence();
      storage.append(
          2,
          2,
          bytes("b"),
          new AppendListener() {
            @Override
            public void onCommit(final long index, final long highestPosition) {
              committed.set(highestPosition);
            }
          });
    }
    assertThat(committed).hasValue(-1);
    try (FileLogStorage storage = FileLogStorage.open(file())) {
      assertThat(readAll(storage.newReader())).containsExactly("a");
    }
  }
}
