package org.partnershipqa.people;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators add the people who use the application: agency, roles, and a password or OIDC-only. */
@Controller
class UserAdminController {

  static final String LIST = "admin/users";
  static final String FORM = "admin/user-form";

  private final AppUserRepository users;
  private final AgencyRepository agencies;
  private final PasswordEncoder encoder;

  UserAdminController(AppUserRepository users, AgencyRepository agencies, PasswordEncoder encoder) {
    this.users = users;
    this.agencies = agencies;
    this.encoder = encoder;
  }

  /** What the "add a person" form posts. */
  static class NewUser {
    @NotBlank(message = "Enter a username")
    @Pattern(regexp = "^[A-Za-z0-9._@-]{2,100}$", message = "Username can only contain letters, digits and . _ @ -")
    private String username;
    @NotBlank(message = "Enter the person's name")
    @Size(max = 200, message = "Name must be 200 characters or fewer")
    private String displayName;
    @Email(message = "Enter an email address in the correct format, like name@example.org")
    private String email;
    @NotBlank(message = "Select an agency")
    private String agencyCode;
    @NotEmpty(message = "Select at least one role")
    private Set<Role> roles = EnumSet.noneOf(Role.class);
    /** Empty for people who sign in only through the OpenID Connect provider. */
    private String password;

    public String getUsername() { return username; }
    public void setUsername(String v) { username = v; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String v) { displayName = v; }
    public String getEmail() { return email; }
    public void setEmail(String v) { email = v; }
    public String getAgencyCode() { return agencyCode; }
    public void setAgencyCode(String v) { agencyCode = v; }
    public Set<Role> getRoles() { return roles; }
    public void setRoles(Set<Role> v) { roles = v; }
    public String getPassword() { return password; }
    public void setPassword(String v) { password = v; }
  }

  @GetMapping("/admin/users")
  String list(Model model) {
    model.addAttribute("users", users.findAllByOrderByUsernameAsc());
    return LIST;
  }

  @GetMapping("/admin/users/new")
  String create(Model model) {
    model.addAttribute("user", new NewUser());
    return form(model);
  }

  @PostMapping("/admin/users/new")
  @Transactional
  String add(@Valid @ModelAttribute("user") NewUser form, BindingResult result, Model model,
      RedirectAttributes redirect) {
    Agency agency = form.getAgencyCode() == null ? null : agencies.findByCode(form.getAgencyCode()).orElse(null);
    if (agency == null && !result.hasFieldErrors("agencyCode")) {
      result.rejectValue("agencyCode", "unknown", "Select an agency");
    }
    if (form.getUsername() != null && users.findByUsernameIgnoreCase(form.getUsername()).isPresent()) {
      result.rejectValue("username", "duplicate", "Someone already has this username");
    }
    if (form.getPassword() != null && !form.getPassword().isEmpty() && form.getPassword().length() < 12) {
      result.rejectValue("password", "short", "Password must be 12 characters or more");
    }
    if (result.hasErrors()) {
      return form(model);
    }
    AppUser user = new AppUser(form.getUsername().trim(), form.getDisplayName().trim(),
        form.getEmail() == null || form.getEmail().isBlank() ? null : form.getEmail().trim(), agency, form.getRoles());
    if (form.getPassword() != null && !form.getPassword().isEmpty()) {
      user.setPasswordHash(encoder.encode(form.getPassword()));
    }
    users.save(user);
    redirect.addFlashAttribute("notice", "'" + user.getUsername() + "' added");
    return "redirect:/admin/users";
  }

  private String form(Model model) {
    model.addAttribute("agencies", agencies.findByActiveTrueOrderByNameAsc());
    model.addAttribute("allRoles", Role.values());
    return FORM;
  }
}
