package org.partnershipqa.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues a message in the outbox, in the caller's transaction. The dedupe key makes it idempotent: a job that
 * is handed out twice (after a crash) does not notify twice.
 */
@Service
public class Notifier {

  private final NotificationRepository outbox;
  private final Clock clock = Clock.systemUTC();

  Notifier(NotificationRepository outbox) {
    this.outbox = outbox;
  }

  /** @return false when a message with this key was queued before */
  @Transactional
  public boolean notify(String dedupeKey, Collection<String> recipients, String subject, String body) {
    if (outbox.existsByDedupeKey(dedupeKey)) {
      return false;
    }
    String to = recipients.stream().filter(r -> r != null && !r.isBlank()).distinct().sorted()
        .collect(Collectors.joining(", "));
    outbox.save(new Notification(dedupeKey, to, subject, body, Instant.now(clock)));
    return true;
  }
}
