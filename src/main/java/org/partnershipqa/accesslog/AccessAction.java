package org.partnershipqa.accesslog;

/** What was done to a child-level record; and sign-ins that failed or were refused (who = the username tried). */
public enum AccessAction {
  VIEW,
  CREATE,
  CHANGE,
  SUBMIT,
  EXPORT,
  SIGN_IN_FAILED,
  SIGN_IN_REFUSED
}
