package org.partnershipqa.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class HomeController {

  private final ObjectProvider<ClientRegistrationRepository> oidcProviders;

  HomeController(ObjectProvider<ClientRegistrationRepository> oidcProviders) {
    this.oidcProviders = oidcProviders;
  }

  @GetMapping("/")
  String home() {
    return "redirect:/tasks";
  }

  /** The sign-in page: password, and a button per configured OpenID Connect provider. */
  @GetMapping("/login")
  String login(@RequestParam(required = false) String error, @RequestParam(required = false) String unavailable,
      @RequestParam(required = false) String refused, Model model) {
    // set by the sign-in failure handler when too many attempts failed: whole minutes to wait
    if (refused != null && refused.matches("\\d{1,4}")) {
      int minutes = Integer.parseInt(refused);
      model.addAttribute("refusedFor", minutes == 1 ? "1 minute" : minutes + " minutes");
    }
    // the title says "Error: "
    model.addAttribute("signInFailed", error != null || unavailable != null || model.containsAttribute("refusedFor"));
    List<ClientRegistration> providers = new ArrayList<>();
    if (oidcProviders.getIfAvailable() instanceof Iterable<?> registrations) {
      registrations.forEach(r -> providers.add((ClientRegistration) r));
    }
    model.addAttribute("oidcProviders", providers);
    return "login";
  }
}
