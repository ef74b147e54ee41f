package org.partnershipqa.people;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Password sign-in (the form and HTTP Basic alike) behind the {@link SignInThrottle}: an account or address that
 * failed too often is refused before its password is checked, and every failure and refusal is reported.
 */
class ThrottledSignIn implements AuthenticationProvider {

  private final AuthenticationProvider passwords;
  private final SignInThrottle throttle;
  private final ApplicationEventPublisher events;

  ThrottledSignIn(AuthenticationProvider passwords, SignInThrottle throttle, ApplicationEventPublisher events) {
    this.passwords = passwords;
    this.throttle = throttle;
    this.events = events;
  }

  @Override
  public Authentication authenticate(Authentication attempt) {
    String username = attempt.getName();
    String address = attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "unknown";
    Optional<java.time.Duration> wait = throttle.refusal(username, address);
    if (wait.isPresent()) {
      events.publishEvent(new SignInRejected(username, address, true, channel()));
      throw new SignInRefusedException(wait.get());
    }
    try {
      Authentication signedIn = passwords.authenticate(attempt);
      throttle.succeeded(username);
      return signedIn;
    } catch (BadCredentialsException wrong) { // also an unknown username: the provider does not tell them apart
      throttle.failed(username, address);
      events.publishEvent(new SignInRejected(username, address, false, channel()));
      throw wrong;
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return passwords.supports(authentication);
  }

  private static String channel() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
      HttpServletRequest request = attributes.getRequest();
      return request.getRequestURI().startsWith(request.getContextPath() + "/api/")
          ? "HTTP Basic on " + request.getMethod() + " " + request.getRequestURI()
          : "sign-in form";
    }
    return "unknown";
  }
}
