package org.partnershipqa.people;

import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The signed-in person as the rest of the application sees them: who, which agency, which roles.
 *
 * <p>{@link #candidateGroups()} is what BPMN routing matches against: the person's role codes, plus their
 * agency's code when they audit for that agency.
 */
public record PartnershipUser(String username, String displayName, String agencyCode, String agencyName, Set<Role> roles)
    implements Serializable {

  public boolean has(Role role) {
    return roles.contains(role);
  }

  public Set<String> candidateGroups() {
    Set<String> groups = new LinkedHashSet<>();
    roles.forEach(r -> groups.add(r.code()));
    if (roles.contains(Role.AGENCY_AUDITOR)) {
      groups.add(agencyCode);
    }
    return groups;
  }

  static PartnershipUser of(AppUser user) {
    return new PartnershipUser(user.getUsername(), user.getDisplayName(), user.getAgency().getCode(),
        user.getAgency().getName(), Set.copyOf(user.getRoles()));
  }
}
