package org.partnershipqa.action;

import org.partnershipqa.people.PartnershipUser;
import org.partnershipqa.people.Role;

/**
 * Who sees and changes which actions. The QA lead and PQA members see the partnership's; an agency auditor sees
 * their own agency's (lead agency = their agency). A QA lead, or an auditor of the lead agency, may change one.
 */
final class ActionAccess {

  private ActionAccess() {}

  static boolean seesAll(PartnershipUser user) {
    return user.has(Role.QA_LEAD) || user.has(Role.PQA_MEMBER);
  }

  static boolean mayList(PartnershipUser user) {
    return seesAll(user) || user.has(Role.AGENCY_AUDITOR);
  }

  static boolean sees(PartnershipUser user, Action action) {
    return seesAll(user) || ownAgency(user, action);
  }

  static boolean mayChange(PartnershipUser user, Action action) {
    return user.has(Role.QA_LEAD) || ownAgency(user, action);
  }

  private static boolean ownAgency(PartnershipUser user, Action action) {
    return user.has(Role.AGENCY_AUDITOR) && user.agencyCode().equals(action.getLeadAgency());
  }
}
