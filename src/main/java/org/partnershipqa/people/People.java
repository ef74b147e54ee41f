package org.partnershipqa.people;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who to tell: the e-mail addresses behind an agency or a role, and agency look-ups for other features. */
@Service
@Transactional(readOnly = true)
public class People {

  private final AppUserRepository users;
  private final AgencyRepository agencies;

  People(AppUserRepository users, AgencyRepository agencies) {
    this.users = users;
    this.agencies = agencies;
  }

  /** Auditors of the agency, plus its safeguarding contact when it has one. */
  public List<String> agencyEmails(String agencyCode) {
    List<String> emails = new java.util.ArrayList<>(users.findAll().stream()
        .filter(u -> u.isEnabled() && u.getAgency().getCode().equals(agencyCode) && u.getRoles().contains(Role.AGENCY_AUDITOR))
        .map(AppUser::getEmail).filter(e -> e != null && !e.isBlank()).toList());
    agencies.findByCode(agencyCode).map(Agency::getSafeguardingContactEmail).filter(e -> e != null && !e.isBlank())
        .ifPresent(emails::add);
    return emails;
  }

  public List<String> roleEmails(Role role) {
    return users.findAll().stream().filter(u -> u.isEnabled() && u.getRoles().contains(role))
        .map(AppUser::getEmail).filter(e -> e != null && !e.isBlank()).toList();
  }

  public Optional<Agency> agency(String code) {
    return agencies.findByCode(code);
  }

  public List<Agency> activeAgencies() {
    return agencies.findByActiveTrueOrderByNameAsc();
  }

  public String agencyName(String code) {
    return agencies.findByCode(code).map(Agency::getName).orElse(code);
  }

  /** The person's name as shown to others; the username when there is no such person. */
  public String displayName(String username) {
    return username == null ? null
        : users.findByUsernameIgnoreCase(username).map(AppUser::getDisplayName).orElse(username);
  }

  /** A task's candidate group as people read it: a role's label ("QA lead") or an agency's name. */
  public String groupName(String candidateGroup) {
    return Role.fromCode(candidateGroup).map(Role::label).orElseGet(() -> agencyName(candidateGroup));
  }
}
