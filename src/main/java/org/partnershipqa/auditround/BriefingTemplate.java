package org.partnershipqa.auditround;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The panels of a 7-minute briefing. Titles are the partnership's (setting
 * {@code partnershipqa.briefing.panel-titles}); what each panel is drafted from follows its position.
 */
@Component
class BriefingTemplate {

  enum Source { WHY, WHAT_WE_DID, GOOD_PRACTICE, AREAS_FOR_DEVELOPMENT, PRACTICE_PROMPTS, PRACTICE_PROMPTS_ESCALATION, WHAT_ELSE }

  static final List<String> DEFAULT_TITLES = List.of("Why?", "What did we do?", "Good practice",
      "Areas for development", "What you can do to improve your practice",
      "What you can do to improve your practice", "What else?");

  private final List<String> titles;

  BriefingTemplate(@Value("${partnershipqa.briefing.panel-titles:}") List<String> configured) {
    this.titles = configured == null || configured.size() != Source.values().length ? DEFAULT_TITLES : List.copyOf(configured);
  }

  List<String> titles() {
    return titles;
  }

  Source source(int index) {
    return Source.values()[index];
  }
}
