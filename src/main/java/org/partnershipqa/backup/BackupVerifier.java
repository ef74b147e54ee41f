package org.partnershipqa.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.partnershipqa.backup.Manifest.FileEntry;

/** Checks a backup directory against its manifest: every file listed is there, with its size and SHA-256. */
final class BackupVerifier {

  private BackupVerifier() {}

  /** The backup's manifest, or a {@link BackupException} listing every problem found. */
  static Manifest verify(Path backup) {
    if (!Files.isDirectory(backup)) {
      throw new BackupException("There is no backup directory " + backup);
    }
    Manifest manifest = Manifest.read(backup);
    List<String> problems = new ArrayList<>();
    for (FileEntry entry : manifest.files()) {
      Path file = backup.resolve(entry.path()).normalize();
      if (!file.startsWith(backup.normalize())) {
        problems.add(entry.path() + ": outside the backup directory");
        continue;
      }
      if (!Files.isRegularFile(file)) {
        problems.add(entry.path() + ": missing");
        continue;
      }
      try {
        long size = Files.size(file);
        if (size != entry.bytes()) {
          problems.add(entry.path() + ": " + size + " bytes, the manifest says " + entry.bytes());
        } else if (!BackupWriter.sha256(file).equals(entry.sha256())) {
          problems.add(entry.path() + ": SHA-256 differs from the manifest (the file is damaged or was changed)");
        }
      } catch (IOException e) {
        problems.add(entry.path() + ": cannot be read (" + e.getMessage() + ")");
      }
    }
    manifest.database().tables().forEach(t -> {
      if (manifest.files().stream().noneMatch(f -> f.path().equals(t.file()))) {
        problems.add(t.file() + ": table " + t.name() + " has no file in the manifest");
      }
    });
    if (manifest.engine() != null
        && manifest.files().stream().noneMatch(f -> f.path().equals(Manifest.ENGINE_DIR + "/log.dat"))) {
      problems.add(Manifest.ENGINE_DIR + "/log.dat: the engine's log is not in the manifest");
    }
    if (!problems.isEmpty()) {
      throw new BackupException("The backup " + backup + " is damaged; do not restore it:\n  - "
          + String.join("\n  - ", problems));
    }
    return manifest;
  }
}
