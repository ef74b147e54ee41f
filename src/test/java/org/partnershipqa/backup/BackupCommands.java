package org.partnershipqa.backup;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The backup, verify and restore commands as the tests in this package run them: in this JVM, output captured. */
final class BackupCommands {

  private BackupCommands() {}

  /** The result of one backup command run in this JVM: exit code and everything it printed. */
  record Command(int exitCode, String output) {}

  static Command command(String... args) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int code = BackupCommandLine.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return new Command(code, bytes.toString(StandardCharsets.UTF_8));
  }
}
