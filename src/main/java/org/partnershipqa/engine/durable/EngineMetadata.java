package org.partnershipqa.engine.durable;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The small, rewritten-in-place state kept beside the log ({@code engine.properties}): the total
 * time the engine clock has been moved forward, and how often the engine has been started (which
 * keeps gateway request ids unique across restarts).
 */
final class EngineMetadata {

  static final String FILE_NAME = "engine.properties";
  private static final int FORMAT = 1;

  private final Path file;
  private long clockOffsetMillis;
  private long starts;

  private EngineMetadata(final Path file, final long clockOffsetMillis, final long starts) {
    this.file = file;
    this.clockOffsetMillis = clockOffsetMillis;
    this.starts = starts;
  }

  static EngineMetadata load(final Path directory) {
    final Path file = directory.resolve(FILE_NAME);
    if (!Files.exists(file)) {
      return new EngineMetadata(file, 0, 0);
    }
    try {
      final Properties properties = new Properties();
      properties.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
      final int format = Integer.parseInt(properties.getProperty("format", "0"));
      if (format != FORMAT) {
        throw new IllegalStateException(file + " has format " + format + ", expected " + FORMAT);
      }
      return new EngineMetadata(
          file,
          Long.parseLong(properties.getProperty("clockOffsetMillis")),
          Long.parseLong(properties.getProperty("starts")));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  synchronized long clockOffsetMillis() {
    return clockOffsetMillis;
  }

  synchronized long starts() {
    return starts;
  }

  /** Counts one more start and stores it; returns the new count. */
  synchronized long recordStart() {
    starts++;
    store();
    return starts;
  }

  synchronized void setClockOffsetMillis(final long offset) {
    clockOffsetMillis = offset;
    store();
  }

  private void store() {
    write(file, clockOffsetMillis, starts);
  }

  /** Writes the file with these values into another engine directory (a backup's). */
  static void writeInto(final Path directory, final long clockOffsetMillis, final long starts) {
    write(directory.resolve(FILE_NAME), clockOffsetMillis, starts);
  }

  private static void write(final Path file, final long clockOffsetMillis, final long starts) {
    final String content =
        "# Partnership QA embedded engine state; the log is log.dat. Do not edit while running.\n"
            + "format=" + FORMAT + "\n"
            + "clockOffsetMillis=" + clockOffsetMillis + "\n"
            + "starts=" + starts + "\n";
    try {
      DurableFiles.writeAtomically(file, content.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }
}
