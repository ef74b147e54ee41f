package org.partnershipqa.people;

import java.time.Duration;
import org.springframework.security.authentication.LockedException;

/**
 * A sign-in refused without checking the password, because the account or the address failed too often. An
 * account-status exception, so no other authentication provider gets to try the credentials.
 */
class SignInRefusedException extends LockedException {

  private final Duration retryAfter;

  SignInRefusedException(Duration retryAfter) {
    super("Too many failed sign-in attempts. Try again in " + minutesInWords(retryAfter) + ".");
    this.retryAfter = retryAfter;
  }

  Duration retryAfter() {
    return retryAfter;
  }

  /** Whole minutes, rounded up: never tell someone to come back before they may. */
  static long minutes(Duration wait) {
    return Math.max(1, (wait.toSeconds() + 59) / 60);
  }

  static String minutesInWords(Duration wait) {
    long minutes = minutes(wait);
    return minutes == 1 ? "1 minute" : minutes + " minutes";
  }

  /** Seconds for a Retry-After header, rounded up. */
  long retryAfterSeconds() {
    return Math.max(1, retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0));
  }
}
