package org.partnershipqa.notification;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends queued messages by SMTP when {@code spring.mail.host} is configured. Without it (the embedded
 * defaults) messages stay in the outbox page, which shows what would have been sent.
 */
@Component
class OutboxSender {

  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

  private final NotificationRepository outbox;
  private final ObjectProvider<JavaMailSender> mail;
  private final String from;

  OutboxSender(NotificationRepository outbox, ObjectProvider<JavaMailSender> mail,
      @Value("${partnershipqa.mail.from:partnership-qa@localhost}") String from) {
    this.outbox = outbox;
    this.mail = mail;
    this.from = from;
  }

  @Scheduled(fixedDelayString = "${partnershipqa.mail.send-interval:PT30S}")
  @Transactional
  void sendQueued() {
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      return;
    }
    for (Notification n : outbox.findTop50BySentAtIsNullOrderByIdAsc()) {
      if (n.getRecipients().isBlank()) {
        n.failed("No recipients with an e-mail address");
        continue;
      }
      try {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(n.getRecipients().split(",\\s*"));
        message.setSubject(n.getSubject());
        message.setText(n.getBody());
        sender.send(message);
        n.sent(Instant.now());
      } catch (RuntimeException e) {
        log.warn("Could not send notification {}: {}", n.getId(), e.getMessage());
        n.failed(e.getMessage());
      }
    }
  }
}
