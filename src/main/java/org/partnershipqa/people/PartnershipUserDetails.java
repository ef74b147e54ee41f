package org.partnershipqa.people;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A person signed in with a password. */
record PartnershipUserDetails(PartnershipUser partnershipUser, String passwordHash, boolean enabled)
    implements UserDetails, PartnershipPrincipal {

  static Collection<? extends GrantedAuthority> authorities(PartnershipUser user) {
    return user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return authorities(partnershipUser);
  }

  @Override
  public String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return partnershipUser.username();
  }

  @Override
  public boolean isEnabled() {
    return enabled && passwordHash != null;
  }

  @Override
  public String toString() {
    return "PartnershipUserDetails[" + partnershipUser.username() + "]"; // never print the hash
  }
}
