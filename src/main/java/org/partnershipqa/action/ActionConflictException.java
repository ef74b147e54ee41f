package org.partnershipqa.action;

/** The update cannot apply to the action as it now is (not tracked yet, or changed meanwhile): 409. */
class ActionConflictException extends RuntimeException {

  ActionConflictException(String message) {
    super(message);
  }
}
