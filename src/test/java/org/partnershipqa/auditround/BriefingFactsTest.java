package org.partnershipqa.auditround;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** "What did we do?" reads right for one child and for many. */
class BriefingFactsTest {

  @Test
  void oneChildIsWrittenAboutAsOneChild() {
    AuditRound round = round(SampleMethod.ENTERED, null);
    List<SampledChild> children = List.of(child(round, "ONE-1", 7, "Female", "White British", "Early help"));
    round.findingsCompiled(findings(Map.of("good", 1), 1));

    String text = BriefingFacts.whatWeDid(round, children, List.of(received(round, children.getFirst(), "csc")), c -> "Children's social care");

    assertThat(text).startsWith("A 'deep dive' audit of 1 child selected by the partnership, subject to an Early help plan.")
        .contains("In the audit multi-agency practice was rated good.")
        .contains("The child was aged 7.")
        .contains("Sex: Female.").contains("Ethnicity: White British.")
        .contains("The agency that took part: Children's social care.")
        .doesNotContain("children were").doesNotContain("1 children").doesNotContain("1 Female");
  }

  @Test
  void manyChildrenAreWrittenAboutAsManyWithTheirAgeRange() {
    AuditRound round = round(SampleMethod.RANDOM, 40);
    List<SampledChild> children = List.of(child(round, "M-1", 1, "Male", "Mixed", "Child in need"),
        child(round, "M-2", 15, "Female", "White British", "Child protection"),
        child(round, "M-3", 9, "Female", null, "Child in need"));
    round.findingsCompiled(findings(Map.of("good", 1, "requires-improvement", 2), 1));
    List<AgencyReturn> returns = new ArrayList<>(List.of(received(round, children.get(0), "police"),
        received(round, children.get(1), "csc")));

    Map<String, String> facts = BriefingFacts.facts(round, children, returns, code -> code.equals("csc") ? "Children's social care" : "Police");

    assertThat(facts.get("whatWeDid"))
        .startsWith("A 'deep dive' audit of 3 children randomly selected from a cohort of 40 children, subject to "
            + "Child in need and Child protection plans.")
        .contains("In 1 of 3 audits multi-agency practice was rated good; in 2 of 3 audits multi-agency practice was rated requires improvement.")
        .contains("The children were aged 1 to 15.")
        .contains("Sex: 2 Female, 1 Male.")
        .contains("Agencies that took part: Children's social care, Police.");
    assertThat(facts).containsOnlyKeys("why", "whatWeDid", "goodPractice", "areasForDevelopment", "practicePrompts",
        "escalationPrompts", "whatElse");
    assertThat(facts.get("escalationPrompts")).contains("not escalated in 1 case.");
    assertThat(facts.get("why")).isEqualTo("Why we looked");
  }

  @Test
  void childrenOfOneAgeAreAllThatAge() {
    AuditRound round = round(SampleMethod.ENTERED, null);
    List<SampledChild> children = List.of(child(round, "S-1", 7, null, null, null), child(round, "S-2", 7, null, null, null));

    assertThat(BriefingFacts.whatWeDid(round, children, List.of(), c -> c))
        .isEqualTo("A 'deep dive' audit of 2 children selected by the partnership.\n\nThe children were all aged 7.");
  }

  private static AuditRound round(SampleMethod method, Integer cohortSize) {
    Theme theme = new Theme();
    theme.update("Neglect", "ToR", "Why we looked", List.of(), "Prompts", "Else", true, 3, true, "test");
    return new AuditRound(theme, "Facts round", null, LocalDate.now().minusYears(1), LocalDate.now(),
        LocalDate.now().plusDays(10), LocalDate.now().plusDays(7), method, method == SampleMethod.RANDOM ? 42L : null,
        cohortSize, "qa.lead", Instant.now());
  }

  private static SampledChild child(AuditRound round, String ref, Integer age, String sex, String ethnicity, String plan) {
    return new SampledChild(round, new ChildFacts(ref, age, sex, ethnicity, plan, List.of("csc")));
  }

  private static AgencyReturn received(AuditRound round, SampledChild child, String agency) {
    AgencyReturn r = new AgencyReturn(round, child, agency, LocalDate.now());
    r.receive(new LinkedHashMap<>(Map.of("overallGrade", "good")), "auditor", Instant.now());
    return r;
  }

  private static Findings findings(Map<String, Integer> perGrade, int notEscalated) {
    return new Findings(Instant.now(), perGrade.values().stream().mapToInt(i -> i).sum(), 0, 0,
        new LinkedHashMap<>(perGrade), List.of(), List.of(), List.of(), 0, notEscalated, 0, List.of(), List.of());
  }
}
