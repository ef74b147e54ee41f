package org.partnershipqa.auditround;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A round's compiled findings: what the PQA sub-group signs off and the briefing is drafted from. Stored as a
 * snapshot with the round, so later edits to returns or themes do not rewrite a signed-off report.
 */
public record Findings(
    Instant compiledAt,
    int children,
    int returnsReceived,
    int returnsWithdrawn,
    Map<String, Integer> childrenPerGrade,
    List<AgencyComparison> selfVsAgreed,
    List<HeadingSummary> headings,
    List<ChildSummary> childSummaries,
    int disagreementArose,
    int disagreementNotEscalated,
    int returnsWithMissedOpportunities,
    List<String> recurringThemes,
    List<ActionSummary> actions) {

  /** How an agency graded its own practice against the grade the discussion agreed. */
  public record AgencyComparison(String agencyCode, String agencyName, int returns, int higher, int same, int lower) {}

  /** Grades given under one heading across all returns. */
  public record HeadingSummary(String key, String title, Map<String, Integer> grades) {}

  public record ChildSummary(String caseReference, String agreedGrade, String rationale, String assurances,
      String gapsInAssurance) {}

  public record ActionSummary(String caseReference, String description, String leadAgency, String owner,
      String dueDate) {}
}
