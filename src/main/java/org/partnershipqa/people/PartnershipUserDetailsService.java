package org.partnershipqa.people;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class PartnershipUserDetailsService implements UserDetailsService {

  private final AppUserRepository users;

  PartnershipUserDetailsService(AppUserRepository users) {
    this.users = users;
  }

  @Override
  @Transactional(readOnly = true)
  public UserDetails loadUserByUsername(String username) {
    AppUser user = users.findByUsernameIgnoreCase(username)
        .orElseThrow(() -> new UsernameNotFoundException("Unknown user"));
    return new PartnershipUserDetails(PartnershipUser.of(user), user.getPasswordHash(),
        user.isEnabled() && user.getAgency().isActive());
  }
}
