package org.partnershipqa.people;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How repeated failed sign-ins are slowed down and then refused (OWASP ASVS 2.2.1), per account and per client
 * address. Failures are counted over {@code window}; from {@code slowDownAfter} failures on, the next attempt must
 * wait {@code slowDown}, doubling with each further failure; at {@code refuseAfter} failures every attempt is refused
 * for {@code lockout}, even with the right password.
 *
 * @param window how far back failures count
 * @param lockout how long an account or address is refused once it reached its limit
 * @param slowDown the first pause imposed while slowing down
 * @param account the limits per account (the username tried)
 * @param address the limits per client address: higher, because people share addresses (an office's NAT)
 */
@ConfigurationProperties("partnershipqa.security.sign-in")
record SignInProtection(Duration window, Duration lockout, Duration slowDown, Limits account, Limits address) {

  /**
   * @param slowDownAfter failures after which attempts are slowed down
   * @param refuseAfter failures after which attempts are refused for the lockout
   */
  record Limits(int slowDownAfter, int refuseAfter) {}

  SignInProtection {
    window = window == null ? Duration.ofMinutes(15) : window;
    lockout = lockout == null ? Duration.ofMinutes(15) : lockout;
    slowDown = slowDown == null ? Duration.ofSeconds(1) : slowDown;
    account = account == null ? new Limits(3, 5) : account;
    address = address == null ? new Limits(10, 30) : address;
  }
}
