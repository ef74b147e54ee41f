package org.partnershipqa.people;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The person behind the current request. */
public final class CurrentUser {

  private CurrentUser() {}

  public static Optional<PartnershipUser> find() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.getPrincipal() instanceof PartnershipPrincipal principal) {
      return Optional.of(principal.partnershipUser());
    }
    return Optional.empty();
  }

  public static PartnershipUser get() {
    return find().orElseThrow(() -> new IllegalStateException("No signed-in user"));
  }
}
