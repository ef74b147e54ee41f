package org.partnershipqa.people;

import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** A person signed in through the partnership's OpenID Connect provider (e.g. a council's Entra ID). */
class PartnershipOidcUser extends DefaultOidcUser implements PartnershipPrincipal {

  private final PartnershipUser user;

  PartnershipOidcUser(OidcUser oidcUser, PartnershipUser user) {
    super(PartnershipUserDetails.authorities(user), oidcUser.getIdToken(), oidcUser.getUserInfo());
    this.user = user;
  }

  @Override
  public PartnershipUser partnershipUser() {
    return user;
  }

  @Override
  public String getName() {
    return user.username();
  }
}
