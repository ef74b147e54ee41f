package org.partnershipqa.people;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signs in people authenticated by the OpenID Connect provider, but only those an administrator has added
 * here: their agency and roles come from this application, never from the provider's claims.
 */
@Service
class PartnershipOidcUserService extends OidcUserService {

  private final AppUserRepository users;
  private final String usernameClaim;

  PartnershipOidcUserService(AppUserRepository users,
      @Value("${partnershipqa.security.oidc-username-claim:preferred_username}") String usernameClaim) {
    this.users = users;
    this.usernameClaim = usernameClaim;
  }

  @Override
  @Transactional(readOnly = true)
  public OidcUser loadUser(OidcUserRequest request) {
    OidcUser oidcUser = super.loadUser(request);
    String claim = oidcUser.getClaimAsString(usernameClaim);
    String email = oidcUser.getEmail();
    AppUser user = (claim == null ? null : users.findByUsernameIgnoreCase(claim).orElse(null));
    if (user == null && email != null) {
      user = users.findByEmailIgnoreCase(email).orElse(null);
    }
    if (user == null || !user.isEnabled() || !user.getAgency().isActive()) {
      throw new OAuth2AuthenticationException(new OAuth2Error("access_denied",
          "You are not registered in this application. Ask the partnership's administrator to add you.", null));
    }
    return new PartnershipOidcUser(oidcUser, PartnershipUser.of(user));
  }
}
