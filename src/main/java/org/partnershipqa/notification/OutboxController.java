package org.partnershipqa.notification;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** What the application sent, or would have sent without SMTP. */
@Controller
class OutboxController {

  private final NotificationRepository outbox;

  OutboxController(NotificationRepository outbox) {
    this.outbox = outbox;
  }

  @GetMapping("/outbox")
  @PreAuthorize("hasAnyRole('QA_LEAD', 'ADMINISTRATOR')")
  String list(Model model) {
    model.addAttribute("messages", outbox.findTop100ByOrderByCreatedAtDescIdDesc());
    return "notification/outbox";
  }
}
