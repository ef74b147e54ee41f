package org.partnershipqa.action;

/** No such action, or one the person may not see: both answer 404, so ids reveal nothing. */
class ActionNotFoundException extends RuntimeException {

  ActionNotFoundException(long id) {
    super("No action " + id + " among yours");
  }
}
