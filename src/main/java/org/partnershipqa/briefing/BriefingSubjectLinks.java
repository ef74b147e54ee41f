package org.partnershipqa.briefing;

import java.util.Optional;

/**
 * Implemented by a process module so that a briefing page can link back to its subject (e.g. the audit round's
 * page) without the briefing module knowing the processes.
 */
public interface BriefingSubjectLinks {

  record Link(String href, String text) {}

  /** The subject's page, or empty when the subject is not this module's. */
  Optional<Link> link(String subjectType, String subjectId);
}
