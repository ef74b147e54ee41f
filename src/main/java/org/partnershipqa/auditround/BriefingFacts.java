package org.partnershipqa.auditround;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.partnershipqa.people.People;
import org.springframework.stereotype.Component;

/**
 * What a round's 7-minute briefing is drafted from, in plain language: one text per fact of the briefing
 * template (why, whatWeDid, goodPractice, areasForDevelopment, practicePrompts, escalationPrompts, whatElse).
 * The briefing module puts them into panels; the QA lead edits the draft.
 */
@Component
class BriefingFacts {

  private final People people;

  BriefingFacts(People people) {
    this.people = people;
  }

  Map<String, String> of(AuditRound round, List<SampledChild> children, List<AgencyReturn> returns) {
    return facts(round, children, returns, people::agencyName);
  }

  static Map<String, String> facts(AuditRound round, List<SampledChild> children, List<AgencyReturn> returns,
      Function<String, String> agencyName) {
    Findings f = round.getFindings();
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("why", nonNull(round.getTheme().getWhy()));
    facts.put("whatWeDid", whatWeDid(round, children, returns, agencyName));
    facts.put("goodPractice", bullets(children.stream().map(SampledChild::getAssurances).toList(),
        returns.stream().map(r -> r.getAnswers().get("goodPractice")).map(o -> o == null ? null : o.toString()).toList()));
    facts.put("areasForDevelopment", bullets(children.stream().map(SampledChild::getGapsInAssurance).toList(),
        f == null ? List.of() : f.recurringThemes()));
    facts.put("practicePrompts", nonNull(round.getTheme().getPracticePrompts()));
    facts.put("escalationPrompts", f != null && f.disagreementNotEscalated() > 0
        ? "If you disagree with a decision about a child's safety, use the partnership's escalation policy. "
          + "In this audit professional disagreement was not escalated in " + count(f.disagreementNotEscalated(), "case", "cases")
          + ". Talk to your manager or safeguarding lead early."
        : "Use supervision to reflect on the child's lived experience and keep the child's voice at the centre of plans.");
    facts.put("whatElse", nonNull(round.getTheme().getWhatElse()));
    return facts;
  }

  /** "What did we do?" is written from the data: the sample, how it was chosen, who took part, the grades. */
  static String whatWeDid(AuditRound round, List<SampledChild> children, List<AgencyReturn> returns,
      Function<String, String> agencyName) {
    int n = children.size();
    boolean one = n == 1;
    Findings f = round.getFindings();
    String how = round.getSampleMethod() != SampleMethod.RANDOM ? "selected by the partnership"
        : round.getCohortSize() == null ? "randomly selected from a cohort"
        : "randomly selected from a cohort of " + count(round.getCohortSize(), "child", "children");
    List<String> plans = children.stream().map(SampledChild::getPlanType).filter(Objects::nonNull).distinct().toList();
    String subjectTo = plans.isEmpty() ? ""
        : one ? ", subject to " + article(plans.getFirst()) + " " + plans.getFirst() + " plan"
        : ", subject to " + and(plans) + " plans";
    StringBuilder text = new StringBuilder("A 'deep dive' audit of " + count(n, "child", "children") + " " + how
        + subjectTo + ".");
    if (f != null) {
      List<String> grades = new ArrayList<>();
      for (Grade grade : Grade.values()) { // in grading order
        int number = f.childrenPerGrade().getOrDefault(grade.code(), 0);
        if (number > 0) {
          grades.add((one ? "in the audit" : number == n ? "in all " + n + " audits" : "in " + number + " of " + n + " audits")
              + " multi-agency practice was rated " + grade.label().toLowerCase());
        }
      }
      if (!grades.isEmpty()) {
        text.append(" ").append(capitalise(String.join("; ", grades))).append(".");
      }
    }
    List<Integer> ages = children.stream().map(SampledChild::getAge).filter(Objects::nonNull).sorted().toList();
    if (!ages.isEmpty()) {
      int youngest = ages.getFirst();
      int oldest = ages.getLast();
      text.append("\n\n").append(one ? "The child was aged " + youngest
          : youngest == oldest ? "The children were " + (ages.size() == n ? "all " : "") + "aged " + youngest
          : "The children were aged " + youngest + " to " + oldest).append(".");
    }
    List<String> sexes = children.stream().map(SampledChild::getSex).toList();
    if (sexes.stream().anyMatch(Objects::nonNull)) {
      text.append(" Sex: ").append(one ? sexes.getFirst() : counts(sexes)).append(".");
    }
    List<String> ethnicities = children.stream().map(SampledChild::getEthnicity).toList();
    if (ethnicities.stream().anyMatch(Objects::nonNull)) {
      text.append(" Ethnicity: ").append(one ? ethnicities.getFirst() : counts(ethnicities)).append(".");
    }
    List<String> agencies = returns.stream().filter(r -> r.getState() == ReturnState.RECEIVED)
        .map(AgencyReturn::getAgencyCode).distinct().map(agencyName).sorted().toList();
    if (!agencies.isEmpty()) {
      text.append("\n\n").append(agencies.size() == 1 ? "The agency that took part: " : "Agencies that took part: ")
          .append(String.join(", ", agencies)).append(".");
    }
    return text.toString();
  }

  /** "1 child", "5 children". */
  private static String count(int number, String one, String many) {
    return number + " " + (number == 1 ? one : many);
  }

  private static String counts(List<String> values) {
    Map<String, Long> counts = new TreeMap<>(values.stream().filter(Objects::nonNull)
        .collect(Collectors.groupingBy(v -> v, Collectors.counting())));
    return counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
  }

  /** "a", or "an" before a vowel sound as written ("an Early help plan"). */
  private static String article(String word) {
    return "aeiouAEIOU".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
  }

  /** "A", "A and B", "A, B and C". */
  private static String and(List<String> items) {
    return items.size() == 1 ? items.getFirst()
        : String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
  }

  private static String bullets(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>();
    first.stream().filter(s -> s != null && !s.isBlank()).forEach(all::add);
    second.stream().filter(s -> s != null && !s.isBlank()).forEach(all::add);
    return all.stream().map(String::strip).distinct().map(s -> "- " + s).collect(Collectors.joining("\n"));
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
