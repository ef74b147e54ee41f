package org.partnershipqa.people;

import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo sign-ins for a first run: one person per role, auditors in four agencies. Created only in embedded
 * mode (never against a production cluster) and only when {@code partnershipqa.demo-users} is not false.
 * The README lists them.
 */
@Component
@ConditionalOnExpression("${partnershipqa.demo-users:true} and '${partnershipqa.engine.mode:embedded}'.equalsIgnoreCase('embedded')")
class DemoUsers implements ApplicationRunner {

  static final String PASSWORD = "demo";

  private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

  private record Demo(String username, String name, Role role, String agency) {}

  private static final List<Demo> DEMO = List.of(
      new Demo("qa.lead", "Quinn Lead", Role.QA_LEAD, "business-unit"),
      new Demo("auditor.csc", "Casey Social-Care", Role.AGENCY_AUDITOR, "csc"),
      new Demo("auditor.police", "Pat Police", Role.AGENCY_AUDITOR, "police"),
      new Demo("auditor.health", "Harper Health", Role.AGENCY_AUDITOR, "acute-health"),
      new Demo("auditor.schools", "Sam Schools", Role.AGENCY_AUDITOR, "schools"),
      new Demo("auditor.gp", "Gene Practice", Role.AGENCY_AUDITOR, "gp"),
      new Demo("pqa.member", "Parker Quality", Role.PQA_MEMBER, "icb"),
      new Demo("scrutineer", "Indy Scrutineer", Role.INDEPENDENT_SCRUTINEER, "business-unit"),
      new Demo("panel.member", "Robin Review", Role.RAPID_REVIEW_PANEL, "csc"),
      new Demo("admin", "Ada Admin", Role.ADMINISTRATOR, "business-unit"));

  private final AppUserRepository users;
  private final AgencyRepository agencies;
  private final PasswordEncoder encoder;

  DemoUsers(AppUserRepository users, AgencyRepository agencies, PasswordEncoder encoder) {
    this.users = users;
    this.agencies = agencies;
    this.encoder = encoder;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    int created = 0;
    for (Demo demo : DEMO) {
      if (users.findByUsernameIgnoreCase(demo.username()).isEmpty()) {
        Agency agency = agencies.findByCode(demo.agency()).orElseThrow(
            () -> new IllegalStateException("Demo agency missing: " + demo.agency()));
        AppUser user = new AppUser(demo.username(), demo.name(), demo.username() + "@example.org", agency,
            Set.of(demo.role()));
        user.setPasswordHash(encoder.encode(PASSWORD));
        users.save(user);
        created++;
      }
    }
    if (created > 0) {
      log.warn("Created {} demo users with the password '{}' (embedded mode; set partnershipqa.demo-users=false to stop)",
          created, PASSWORD);
    }
  }
}
