package org.partnershipqa.auditround;

import java.time.LocalDate;
import java.util.List;

/**
 * What a QA lead asks for when launching a round (from the page or {@code POST /api/audit-rounds}).
 *
 * @param seed and cohortSize are set when the children were drawn at random from a cohort
 */
public record LaunchRequest(String theme, String title, String quarter, LocalDate lookBackFrom,
    LocalDate lookBackTo, LocalDate deadline, List<ChildFacts> children, Long seed, Integer cohortSize) {}
