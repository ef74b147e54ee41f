package org.partnershipqa.engine;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health component {@code handOffs}: how many hand-offs to the engine are waiting and how long the oldest has
 * waited. It stays UP while some are pending: a queue during a brief engine outage is the design working (the
 * {@code engine} component reports the outage itself), so it must not turn the whole application DOWN. It is
 * UNKNOWN when the registry cannot be read (the {@code db} component then says why).
 */
@Component("handOffs")
class HandOffHealthIndicator implements HealthIndicator {

  private final PendingHandOffs handOffs;

  HandOffHealthIndicator(PendingHandOffs handOffs) {
    this.handOffs = handOffs;
  }

  @Override
  public Health health() {
    try {
      PendingHandOffs.Pending pending = handOffs.pending();
      Health.Builder health = Health.up().withDetail("pending", pending.count());
      pending.oldestAge().ifPresent(age -> health.withDetail("oldestAgeSeconds", age.toSeconds()));
      return health.build();
    } catch (RuntimeException e) {
      return Health.unknown().withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
    }
  }
}
