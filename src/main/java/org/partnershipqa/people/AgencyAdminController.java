package org.partnershipqa.people;

import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators keep the list of agencies: add, rename, deactivate. Codes are stable once used in routing. */
@Controller
class AgencyAdminController {

  static final String LIST = "admin/agencies";
  static final String FORM = "admin/agency-form";

  private final AgencyRepository agencies;

  AgencyAdminController(AgencyRepository agencies) {
    this.agencies = agencies;
  }

  @InitBinder
  void protect(WebDataBinder binder) {
    binder.setDisallowedFields("id");
  }

  @GetMapping("/admin/agencies")
  String list(Model model) {
    model.addAttribute("agencies", agencies.findAllByOrderByNameAsc());
    return LIST;
  }

  @GetMapping("/admin/agencies/new")
  String create(Model model) {
    model.addAttribute("agency", new Agency("", ""));
    return FORM;
  }

  @GetMapping("/admin/agencies/{id}")
  String edit(@PathVariable long id, Model model) {
    model.addAttribute("agency", find(id));
    model.addAttribute("agencyId", id);
    return FORM;
  }

  @PostMapping("/admin/agencies/new")
  @Transactional
  String add(@Valid @ModelAttribute("agency") Agency agency, BindingResult result, RedirectAttributes redirect) {
    checkCode(agency, null, result);
    if (result.hasErrors()) {
      return FORM;
    }
    agencies.save(agency);
    redirect.addFlashAttribute("notice", "Agency '" + agency.getName() + "' added");
    return "redirect:/admin/agencies";
  }

  @PostMapping("/admin/agencies/{id}")
  @Transactional
  String update(@PathVariable long id, @Valid @ModelAttribute("agency") Agency form, BindingResult result,
      Model model, RedirectAttributes redirect) {
    Agency agency = find(id);
    checkCode(form, agency, result);
    if (result.hasErrors()) {
      model.addAttribute("agencyId", id);
      return FORM;
    }
    agency.setCode(form.getCode());
    agency.setName(form.getName());
    agency.setActive(form.isActive());
    agency.setSafeguardingContactEmail(blankToNull(form.getSafeguardingContactEmail()));
    redirect.addFlashAttribute("notice", "Agency '" + agency.getName() + "' saved");
    return "redirect:/admin/agencies";
  }

  /** Agency codes and role codes share the candidate-group namespace, so they must not collide. */
  private void checkCode(Agency form, Agency existing, BindingResult result) {
    if (form.getCode() == null) {
      return;
    }
    if (Role.fromCode(form.getCode()).isPresent()) {
      result.rejectValue("code", "reserved", "Code '" + form.getCode() + "' is reserved for a role");
    }
    agencies.findByCode(form.getCode())
        .filter(other -> existing == null || !other.getId().equals(existing.getId()))
        .ifPresent(other -> result.rejectValue("code", "duplicate", "Another agency already has this code"));
  }

  private Agency find(long id) {
    return agencies.findById(id).orElseThrow(() -> new ResponseStatusException(
        org.springframework.http.HttpStatus.NOT_FOUND, "No such agency"));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
