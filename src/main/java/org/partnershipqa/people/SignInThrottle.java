package org.partnershipqa.people;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers failed sign-ins per account and per client address and says when the next attempt may be made
 * ({@link SignInProtection}). Kept in memory: a restart forgets it, and each instance of the application counts its
 * own attempts.
 */
class SignInThrottle {

  /** Above this many remembered keys, keys with nothing left to remember are dropped (usernames are attacker-chosen). */
  private static final int PRUNE_ABOVE = 10_000;

  private final SignInProtection settings;
  private final Clock clock;
  private final Map<String, Failures> accounts = new HashMap<>();
  private final Map<String, Failures> addresses = new HashMap<>();

  SignInThrottle(SignInProtection settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** How long this account or address must still wait; empty when an attempt may be made now. */
  synchronized Optional<Duration> refusal(String username, String address) {
    Instant now = clock.instant();
    Instant until = later(notBefore(accounts, account(username)), notBefore(addresses, address));
    return until != null && until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
  }

  synchronized void failed(String username, String address) {
    Instant now = clock.instant();
    record(accounts, account(username), settings.account(), now);
    record(addresses, address, settings.address(), now);
  }

  /** The right password: the account starts afresh (the address keeps its count, it may be trying many accounts). */
  synchronized void succeeded(String username) {
    accounts.remove(account(username));
  }

  private void record(Map<String, Failures> keys, String key, SignInProtection.Limits limits, Instant now) {
    if (keys.size() > PRUNE_ABOVE) {
      keys.values().removeIf(f -> f.forgotten(now, settings.window()));
    }
    Failures failures = keys.computeIfAbsent(key, k -> new Failures());
    failures.at.removeIf(at -> !at.isAfter(now.minus(settings.window())));
    failures.at.addLast(now);
    int count = failures.at.size();
    if (count >= limits.refuseAfter()) {
      failures.notBefore = now.plus(settings.lockout());
      failures.at.clear(); // after the lockout, the account starts afresh
    } else if (count >= limits.slowDownAfter()) {
      Duration pause = settings.slowDown().multipliedBy(1L << Math.min(count - limits.slowDownAfter(), 20));
      failures.notBefore = now.plus(pause.compareTo(settings.lockout()) < 0 ? pause : settings.lockout());
    }
  }

  private static Instant notBefore(Map<String, Failures> keys, String key) {
    Failures failures = keys.get(key);
    return failures == null ? null : failures.notBefore;
  }

  private static Instant later(Instant a, Instant b) {
    return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
  }

  private static String account(String username) {
    return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
  }

  private static final class Failures {
    final Deque<Instant> at = new ArrayDeque<>();
    Instant notBefore;

    boolean forgotten(Instant now, Duration window) {
      return (notBefore == null || !notBefore.isAfter(now))
          && (at.isEmpty() || !at.peekLast().isAfter(now.minus(window)));
    }
  }
}
