package org.partnershipqa.people;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A request authenticated with a personal API token: the person, with the roles they have now. */
class ApiTokenAuthentication extends AbstractAuthenticationToken {

  private final TokenPrincipal principal;

  ApiTokenAuthentication(PartnershipUser user) {
    super(PartnershipUserDetails.authorities(user));
    this.principal = new TokenPrincipal(user);
    setAuthenticated(true);
  }

  @Override
  public Object getCredentials() {
    return null; // the token is not kept
  }

  @Override
  public Object getPrincipal() {
    return principal;
  }

  @Override
  public String getName() {
    return principal.partnershipUser().username();
  }

  record TokenPrincipal(PartnershipUser partnershipUser) implements PartnershipPrincipal {}
}
