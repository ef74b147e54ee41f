package org.partnershipqa.backup;

/** A backup or restore that was refused or failed; the message says why, for the person running it. */
public class BackupException extends RuntimeException {

  BackupException(String message) {
    super(message);
  }

  BackupException(String message, Throwable cause) {
    super(message, cause);
  }
}
