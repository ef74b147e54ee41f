package org.partnershipqa.engine;

import java.util.List;
import java.util.Optional;
import org.partnershipqa.accesslog.AccessAction;
import org.partnershipqa.accesslog.AccessLog;
import org.partnershipqa.people.CurrentUser;
import org.partnershipqa.people.PartnershipUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrators see the engine's open incidents and retry one once its cause is fixed. A retry is written to the
 * access log (who, when, which incident, process instance and case) and to the application log.
 */
@Controller
class IncidentAdminController {

  static final String LIST = "admin/incidents";
  static final String RECORD_TYPE = "incident";

  private static final Logger log = LoggerFactory.getLogger(IncidentAdminController.class);

  private final Incidents incidents;
  private final AccessLog accessLog;
  private final EngineProperties engine;

  IncidentAdminController(Incidents incidents, AccessLog accessLog, EngineProperties engine) {
    this.incidents = incidents;
    this.accessLog = accessLog;
    this.engine = engine;
  }

  @GetMapping("/admin/incidents")
  String list(Model model) {
    Optional<List<Incident>> open = incidents.open();
    model.addAttribute("incidents", open.orElse(List.of()));
    model.addAttribute("engineReadable", open.isPresent());
    model.addAttribute("embedded", engine.embedded());
    return LIST;
  }

  @PostMapping("/admin/incidents/{id}/retry")
  String retry(@PathVariable long id, RedirectAttributes redirect) {
    String who = CurrentUser.find().map(PartnershipUser::username).orElse("unknown");
    Optional<Incident> found = incidents.find(id);
    if (found.isEmpty()) {
      redirect.addFlashAttribute("problem", "Incident " + id + " is not open (any more): it may have been retried "
          + "already, or the engine cannot be read right now. Nothing was changed.");
      return "redirect:/admin/incidents";
    }
    Incident incident = found.get();
    try {
      incidents.retry(incident);
    } catch (Incidents.RetryRefused e) {
      log.warn("{} asked to retry incident {} (job {}, process instance {}); the engine refused: {}", who, id,
          incident.jobKey(), incident.processInstanceKey(), e.getMessage());
      redirect.addFlashAttribute("problem", "The workflow engine did not accept the retry of incident " + id
          + ", so it is still open. The engine said: " + e.getMessage());
      return "redirect:/admin/incidents";
    }
    String what = "retried: " + incident.processId() + " / " + incident.elementId()
        + (incident.hasJob() ? ", job " + incident.jobKey() + " given " + Incidents.RETRIES_ON_RETRY + " retry" : "")
        + ", process instance " + incident.processInstanceKey() + "; error was " + incident.errorType() + ": "
        + incident.errorFirstLine();
    accessLog.record(AccessAction.CHANGE, RECORD_TYPE, String.valueOf(id), incident.caseReference(), what);
    log.info("{} retried incident {}: {}", who, id, what);
    redirect.addFlashAttribute("notice", "Incident " + id + " retried: "
        + (incident.hasJob() ? "job " + incident.jobKey() + " has a retry again and " : "")
        + "the incident is resolved. If the step fails again, a new incident appears here.");
    return "redirect:/admin/incidents";
  }
}
