package org.partnershipqa.accesslog;

import org.partnershipqa.people.SignInRejected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Writes failed and refused sign-ins to the access log, as they happen (there is no transaction to wait for). */
@Component
class SignInRecorder {

  private static final Logger log = LoggerFactory.getLogger(SignInRecorder.class);

  private final AccessLog accessLog;

  SignInRecorder(AccessLog accessLog) {
    this.accessLog = accessLog;
  }

  @EventListener
  void on(SignInRejected rejected) {
    try {
      accessLog.recordSignIn(rejected.refused() ? AccessAction.SIGN_IN_REFUSED : AccessAction.SIGN_IN_FAILED,
          rejected.username(), rejected.address(), rejected.channel());
    } catch (RuntimeException e) { // the answer to the person must not depend on the log (e.g. database down)
      log.warn("Could not write a {} sign-in of '{}' from {} to the access log: {}",
          rejected.refused() ? "refused" : "failed", rejected.username(), rejected.address(), e.toString());
    }
  }
}
