package org.partnershipqa.auditround;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.partnershipqa.action.ActionView;
import org.partnershipqa.people.People;
import org.springframework.stereotype.Component;

/** Compiles a round's findings from its returns, agreed grades and actions. */
@Component
class FindingsCompiler {

  private final People people;

  FindingsCompiler(People people) {
    this.people = people;
  }

  Findings compile(AuditRound round, List<SampledChild> children, List<AgencyReturn> returns,
      List<ActionView> actions) {
    Map<String, Integer> perGrade = gradeCounts();
    children.stream().filter(SampledChild::isModerated).forEach(c -> perGrade.merge(c.getAgreedGrade(), 1, Integer::sum));

    List<AgencyReturn> received = returns.stream().filter(r -> r.getState() == ReturnState.RECEIVED).toList();
    Map<String, int[]> byAgency = new LinkedHashMap<>();
    for (AgencyReturn r : received) {
      int[] counts = byAgency.computeIfAbsent(r.getAgencyCode(), k -> new int[4]);
      counts[0]++;
      Grade self = Grade.fromCode(r.getOverallGrade()).orElse(null);
      Grade agreed = Grade.fromCode(r.getChild().getAgreedGrade()).orElse(null);
      if (self != null && agreed != null) {
        int cmp = Integer.compare(agreed.ordinal(), self.ordinal()); // lower ordinal = better grade
        counts[cmp > 0 ? 1 : cmp == 0 ? 2 : 3]++;
      }
    }
    List<Findings.AgencyComparison> comparisons = new ArrayList<>();
    byAgency.forEach((code, c) -> comparisons.add(
        new Findings.AgencyComparison(code, people.agencyName(code), c[0], c[1], c[2], c[3])));

    List<Findings.HeadingSummary> headings = new ArrayList<>();
    for (ThemeHeading h : round.getTheme().getHeadings()) {
      Map<String, Integer> grades = gradeCounts();
      grades.put("not-applicable", 0);
      received.forEach(r -> {
        Object g = r.getAnswers().get(AuditForms.headingKey(h));
        if (g != null && grades.containsKey(g.toString())) {
          grades.merge(g.toString(), 1, Integer::sum);
        }
      });
      headings.add(new Findings.HeadingSummary(h.key(), h.title(), grades));
    }

    int disagreement = (int) received.stream().filter(r -> "yes".equals(r.getAnswers().get("disagreementArose"))).count();
    int notEscalated = (int) received.stream().filter(r -> "yes".equals(r.getAnswers().get("disagreementArose"))
        && "no".equals(r.getAnswers().get("escalationPolicyUsed"))).count();
    int missed = (int) received.stream().filter(r -> hasText(r.getAnswers().get("missedOpportunities"))).count();

    List<String> themes = new ArrayList<>();
    if (disagreement > 0) {
      themes.add("Professional disagreement arose in " + disagreement + " of " + received.size()
          + " returns; in " + notEscalated + " of them the escalation policy was not used.");
    }
    if (missed > 0) {
      themes.add(missed + " of " + received.size() + " returns recorded missed opportunities.");
    }
    long withdrawn = returns.stream().filter(r -> r.getState() == ReturnState.WITHDRAWN).count();
    if (withdrawn > 0) {
      themes.add(withdrawn + " agency return(s) were withdrawn and are not part of these findings.");
    }

    return new Findings(Instant.now(), children.size(), received.size(), (int) withdrawn, perGrade, comparisons,
        headings,
        children.stream().map(c -> new Findings.ChildSummary(c.getCaseReference(), c.getAgreedGrade(),
            c.getRationale(), c.getAssurances(), c.getGapsInAssurance())).toList(),
        disagreement, notEscalated, missed, themes,
        actions.stream().map(a -> new Findings.ActionSummary(a.caseReference(), a.description(), a.leadAgency(),
            a.owner(), a.dueDate() == null ? null : a.dueDate().toString())).toList());
  }

  private static Map<String, Integer> gradeCounts() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    Grade.ORDER.forEach(g -> counts.put(g.code(), 0));
    return counts;
  }

  private static boolean hasText(Object o) {
    return o != null && !o.toString().isBlank();
  }
}
