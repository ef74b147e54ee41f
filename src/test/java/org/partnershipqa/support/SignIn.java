package org.partnershipqa.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Signs requests in as a real user of the application (loaded through its own user details service). */
public final class SignIn {

  private SignIn() {}

  public static RequestPostProcessor as(UserDetailsService users, String username) {
    return user(users.loadUserByUsername(username));
  }
}
