package org.partnershipqa.accesslog;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Administrators read who viewed or changed child-level records (filter by case reference). */
@Controller
class AccessLogController {

  private final AccessLog accessLog;

  AccessLogController(AccessLog accessLog) {
    this.accessLog = accessLog;
  }

  @GetMapping("/admin/access-log")
  String list(@RequestParam(required = false) String caseReference, @RequestParam(defaultValue = "0") int page,
      Model model) {
    model.addAttribute("entries", accessLog.recent(caseReference, page));
    model.addAttribute("caseReference", caseReference);
    return "admin/access-log";
  }
}
