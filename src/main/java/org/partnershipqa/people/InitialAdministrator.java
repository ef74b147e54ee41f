package org.partnershipqa.people;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the first administrator of an installation without demo users, from
 * {@code PARTNERSHIPQA_ADMIN_USERNAME} / {@code PARTNERSHIPQA_ADMIN_PASSWORD}, when no such user exists yet.
 * The administrator then adds everyone else in the app (or they sign in through OpenID Connect).
 */
@Component
class InitialAdministrator implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(InitialAdministrator.class);

  private final AppUserRepository users;
  private final AgencyRepository agencies;
  private final PasswordEncoder encoder;
  private final String username;
  private final String password;

  InitialAdministrator(AppUserRepository users, AgencyRepository agencies, PasswordEncoder encoder,
      @Value("${partnershipqa.admin.username:}") String username,
      @Value("${partnershipqa.admin.password:}") String password) {
    this.users = users;
    this.agencies = agencies;
    this.encoder = encoder;
    this.username = username;
    this.password = password;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (username.isBlank() || users.findByUsernameIgnoreCase(username).isPresent()) {
      return;
    }
    if (password.length() < 12) {
      throw new IllegalStateException("partnershipqa.admin.password must be at least 12 characters");
    }
    Agency unit = agencies.findByCode("business-unit").orElseGet(() -> agencies.findAllByOrderByNameAsc().getFirst());
    AppUser admin = new AppUser(username, "Administrator", null, unit, Set.of(Role.ADMINISTRATOR));
    admin.setPasswordHash(encoder.encode(password));
    users.save(admin);
    log.info("Created the initial administrator '{}'", username);
  }
}
