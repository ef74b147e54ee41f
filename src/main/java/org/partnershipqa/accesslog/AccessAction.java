package org.partnershipqa.accesslog;

/** What was done to a child-level record. */
public enum AccessAction {
  VIEW,
  CREATE,
  CHANGE,
  SUBMIT,
  EXPORT
}
