package org.partnershipqa.backup;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators back up the running application: the Backups page and {@code /api/admin/backups}. */
@Controller
@PreAuthorize("hasRole('ADMINISTRATOR')")
class BackupController {

  static final String PAGE = "admin/backups";

  private final Backups backups;

  BackupController(Backups backups) {
    this.backups = backups;
  }

  @PostMapping("/api/admin/backups")
  @ResponseBody
  ResponseEntity<Backups.Summary> backUp() {
    return ResponseEntity.status(HttpStatus.CREATED).body(backups.backUpNow());
  }

  @GetMapping("/api/admin/backups")
  @ResponseBody
  List<Backups.Summary> list() {
    return backups.list();
  }

  @GetMapping("/admin/backups")
  String page(Model model) {
    model.addAttribute("backups", backups.list());
    model.addAttribute("directory", backups.backupDirectory().toString());
    return PAGE;
  }

  @PostMapping("/admin/backups")
  String backUpFromPage(RedirectAttributes redirect) {
    Backups.Summary summary = backups.backUpNow();
    redirect.addFlashAttribute("notice", "Backup written to " + summary.directory());
    return "redirect:/admin/backups";
  }

  @ExceptionHandler(BackupException.class)
  @ResponseBody
  ResponseEntity<ProblemDetail> failed(BackupException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, e.getMessage());
    problem.setTitle("Backup failed");
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem);
  }
}
