package org.partnershipqa.people;

/** Implemented by every principal this application signs in (password or OpenID Connect). */
public interface PartnershipPrincipal {

  PartnershipUser partnershipUser();
}
