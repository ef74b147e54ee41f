package org.partnershipqa.auditround;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.partnershipqa.people.People;
import org.springframework.stereotype.Component;

/**
 * Drafts a 7-minute briefing from a round's findings, in plain language, using the partnership's panel
 * template ({@link BriefingTemplate}). The QA lead edits the draft; every edit is kept as a version.
 */
@Component
class BriefingDrafter {

  private final BriefingTemplate template;
  private final People people;

  BriefingDrafter(BriefingTemplate template, People people) {
    this.template = template;
    this.people = people;
  }

  List<BriefingPanel> draft(AuditRound round, List<SampledChild> children, List<AgencyReturn> returns) {
    Findings f = round.getFindings();
    List<BriefingPanel> panels = new ArrayList<>();
    List<String> titles = template.titles();
    for (int i = 0; i < titles.size(); i++) {
      int number = i + 1;
      panels.add(new BriefingPanel(number, titles.get(i), text(template.source(i), round, children, returns, f)));
    }
    return panels;
  }

  private String text(BriefingTemplate.Source source, AuditRound round, List<SampledChild> children,
      List<AgencyReturn> returns, Findings f) {
    return switch (source) {
      case WHY -> round.getTheme().getWhy();
      case WHAT_WE_DID -> whatWeDid(round, children, returns, f);
      case GOOD_PRACTICE -> bullets(children.stream().map(SampledChild::getAssurances).toList(),
          returns.stream().map(r -> (Object) r.getAnswers().get("goodPractice")).map(o -> o == null ? null : o.toString()).toList());
      case AREAS_FOR_DEVELOPMENT -> bullets(children.stream().map(SampledChild::getGapsInAssurance).toList(),
          f == null ? List.of() : f.recurringThemes());
      case PRACTICE_PROMPTS -> nonNull(round.getTheme().getPracticePrompts());
      case PRACTICE_PROMPTS_ESCALATION -> f != null && f.disagreementNotEscalated() > 0
          ? "If you disagree with a decision about a child's safety, use the partnership's escalation policy. "
            + "In this audit professional disagreement was not escalated in " + f.disagreementNotEscalated()
            + " case(s). Talk to your manager or safeguarding lead early."
          : "Use supervision to reflect on the child's lived experience and keep the child's voice at the centre of plans.";
      case WHAT_ELSE -> nonNull(round.getTheme().getWhatElse());
    };
  }

  /** "What did we do?" is written from the data: the sample, how it was chosen, who took part, the grades. */
  String whatWeDid(AuditRound round, List<SampledChild> children, List<AgencyReturn> returns, Findings f) {
    int n = children.size();
    String how = round.getSampleMethod() == SampleMethod.RANDOM
        ? "randomly selected from a cohort of " + round.getCohortSize() + " children"
        : "selected by the partnership";
    String plans = children.stream().map(SampledChild::getPlanType).filter(Objects::nonNull).distinct()
        .collect(Collectors.joining(", "));
    StringBuilder text = new StringBuilder("A 'deep dive' audit of " + n + " " + (n == 1 ? "child" : "children")
        + " " + how + (plans.isEmpty() ? "" : ", subject to " + plans + " plans") + ".");
    if (f != null) {
      List<String> grades = new ArrayList<>();
      for (Grade grade : Grade.ORDER) { // grading order: the stored findings' map comes back in key order
        int count = f.childrenPerGrade().getOrDefault(grade.code(), 0);
        if (count > 0) {
          grades.add("in " + count + " of " + n + " audits multi-agency practice was rated " + grade.label().toLowerCase());
        }
      }
      if (!grades.isEmpty()) {
        text.append(" ").append(capitalise(String.join("; ", grades))).append(".");
      }
    }
    List<Integer> ages = children.stream().map(SampledChild::getAge).filter(Objects::nonNull).sorted().toList();
    if (!ages.isEmpty()) {
      text.append("\n\nThe children were aged ").append(ages.getFirst())
          .append(ages.getFirst().equals(ages.getLast()) ? "" : "-" + ages.getLast()).append(".");
    }
    String sexes = counts(children.stream().map(SampledChild::getSex).toList());
    if (!sexes.isEmpty()) {
      text.append(" Sex: ").append(sexes).append(".");
    }
    String ethnicities = counts(children.stream().map(SampledChild::getEthnicity).toList());
    if (!ethnicities.isEmpty()) {
      text.append(" Ethnicity: ").append(ethnicities).append(".");
    }
    String agencies = returns.stream().filter(r -> r.getState() == ReturnState.RECEIVED).map(AgencyReturn::getAgencyCode)
        .distinct().map(people::agencyName).sorted().collect(Collectors.joining(", "));
    if (!agencies.isEmpty()) {
      text.append("\n\nAgencies that took part: ").append(agencies).append(".");
    }
    return text.toString();
  }

  private static String counts(List<String> values) {
    Map<String, Long> counts = new TreeMap<>(values.stream().filter(Objects::nonNull)
        .collect(Collectors.groupingBy(v -> v, Collectors.counting())));
    return counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
  }

  private static String bullets(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>();
    first.stream().filter(s -> s != null && !s.isBlank()).forEach(all::add);
    second.stream().filter(s -> s != null && !s.isBlank()).forEach(all::add);
    return all.stream().distinct().map(s -> "- " + s.strip()).collect(Collectors.joining("\n"));
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
