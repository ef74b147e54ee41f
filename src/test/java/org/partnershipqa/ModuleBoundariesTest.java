package org.partnershipqa;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Fails when a feature reaches into another feature's internals, or features depend on each other in a cycle. */
class ModuleBoundariesTest {

  @Test
  void featuresRespectEachOthersBoundaries() {
    ApplicationModules.of(PartnershipQaApplication.class).verify();
  }
}
