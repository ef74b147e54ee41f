package org.partnershipqa.people;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Personal API tokens: a person creates, lists and revokes their own under their account; an administrator sees
 * everyone's, creates one for someone and revokes any. A new token is shown once, on the page after it is created.
 */
@Controller
class ApiTokenController {

  static final String MINE = "account/tokens";
  static final String ALL = "admin/tokens";

  private final ApiTokens tokens;
  private final AppUserRepository users;

  ApiTokenController(ApiTokens tokens, AppUserRepository users) {
    this.tokens = tokens;
    this.users = users;
  }

  /** What the "create a token" forms post; the username only on the administrators' page. */
  static class NewToken {
    @NotBlank(message = "Enter a name for the token")
    @Size(max = 100, message = "Name must be 100 characters or fewer")
    private String name;
    private String username;

    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public String getUsername() { return username; }
    public void setUsername(String v) { username = v; }
  }

  /** Shown once after creation (a flash attribute: gone on the next page). */
  record Shown(String name, String value, String owner) {}

  private static class TokenNotFound extends RuntimeException {}

  @GetMapping("/account/tokens")
  String mine(Model model) {
    model.addAttribute("token", new NewToken());
    return mine(model, false);
  }

  @PostMapping("/account/tokens")
  String create(@Valid @ModelAttribute("token") NewToken form, BindingResult result, Model model,
      RedirectAttributes redirect) {
    if (result.hasErrors()) {
      return mine(model, true);
    }
    PartnershipUser me = CurrentUser.get();
    AppUser owner = users.findByUsernameIgnoreCase(me.username()).orElseThrow(TokenNotFound::new);
    ApiTokens.Created created = tokens.create(owner, form.getName(), me.username());
    redirect.addFlashAttribute("shown", new Shown(created.token().getName(), created.value(), owner.getUsername()));
    return "redirect:/account/tokens";
  }

  @PostMapping("/account/tokens/{id}/revoke")
  String revokeMine(@PathVariable long id, RedirectAttributes redirect) {
    revoke(id, redirect);
    return "redirect:/account/tokens";
  }

  @GetMapping("/admin/tokens")
  String all(Model model) {
    model.addAttribute("token", new NewToken());
    return all(model, false);
  }

  @PostMapping("/admin/tokens")
  String createFor(@Valid @ModelAttribute("token") NewToken form, BindingResult result, Model model,
      RedirectAttributes redirect) {
    AppUser owner = form.getUsername() == null ? null
        : users.findByUsernameIgnoreCase(form.getUsername()).filter(AppUser::isEnabled).orElse(null);
    if (owner == null) {
      result.rejectValue("username", "unknown", "Select the person the token is for");
    }
    if (result.hasErrors()) {
      return all(model, true);
    }
    ApiTokens.Created created = tokens.create(owner, form.getName(), CurrentUser.get().username());
    redirect.addFlashAttribute("shown", new Shown(created.token().getName(), created.value(), owner.getUsername()));
    return "redirect:/admin/tokens";
  }

  @PostMapping("/admin/tokens/{id}/revoke")
  String revokeAny(@PathVariable long id, RedirectAttributes redirect) {
    revoke(id, redirect);
    return "redirect:/admin/tokens";
  }

  @ExceptionHandler(TokenNotFound.class)
  String notFound(Model model, HttpServletResponse response) {
    response.setStatus(HttpStatus.NOT_FOUND.value());
    model.addAttribute("title", "Page not found");
    model.addAttribute("message", "We could not find that API token among yours.");
    return "error/problem";
  }

  private void revoke(long id, RedirectAttributes redirect) {
    if (!tokens.revoke(id, CurrentUser.get())) {
      throw new TokenNotFound(); // another person's token answers as if it did not exist
    }
    redirect.addFlashAttribute("notice", "API token revoked: it no longer works");
  }

  private String mine(Model model, boolean rejected) {
    model.addAttribute("tokens", tokens.of(CurrentUser.get().username()));
    model.addAttribute("rejected", rejected);
    return MINE;
  }

  private String all(Model model, boolean rejected) {
    model.addAttribute("tokens", tokens.all());
    model.addAttribute("people", users.findAllByOrderByUsernameAsc().stream().filter(AppUser::isEnabled).toList());
    model.addAttribute("rejected", rejected);
    return ALL;
  }
}
