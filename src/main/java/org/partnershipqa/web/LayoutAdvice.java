package org.partnershipqa.web;

import org.partnershipqa.people.CurrentUser;
import org.partnershipqa.people.PartnershipUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's header shows: who is signed in, for which agency. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class LayoutAdvice {

  @ModelAttribute("currentUser")
  PartnershipUser currentUser() {
    return CurrentUser.find().orElse(null);
  }
}
