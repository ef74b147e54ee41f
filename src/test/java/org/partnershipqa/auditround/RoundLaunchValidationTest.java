package org.partnershipqa.auditround;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnershipqa.auditround.RoundTestApi.child;
import static org.partnershipqa.auditround.RoundTestApi.launchBody;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershipqa.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code POST /api/audit-rounds} refuses every kind of bad launch with a problem naming the offending field, and
 * saves nothing (no round, no child, no return); a random draw from a cohort is recorded and repeatable.
 */
class RoundLaunchValidationTest extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired AuditRoundRepository rounds;
  @Autowired SampledChildRepository children;
  @Autowired AgencyReturnRepository returns;

  private RoundTestApi api;
  private final LocalDate deadline = LocalDate.now().plusDays(30);

  @BeforeEach
  void api() {
    api = new RoundTestApi(mvc, json);
  }

  @Test
  void aRoundWithNoChildrenIsRefused() throws Exception {
    assertRefused(launchBody("No children", deadline, List.of()), Map.of("children", "at least one child"));
  }

  @Test
  void aChildWithNoAgenciesIsRefused() throws Exception {
    assertRefused(launchBody("No agencies", deadline, List.of(child("NG/2026/001", "csc"), child("NG/2026/002"))),
        Map.of("children[1].agencies", "Child 2: select the agencies involved"));
  }

  @Test
  void anUnknownAgencyIsRefused() throws Exception {
    assertRefused(launchBody("Unknown agency", deadline, List.of(child("NG/2026/003", "csc", "fire-service"))),
        Map.of("children[0].agencies", "unknown agency 'fire-service'"));
  }

  @Test
  void anUnknownThemeIsRefused() throws Exception {
    Map<String, Object> body = launchBody("Unknown theme", deadline, List.of(child("NG/2026/004", "csc")));
    body.put("theme", "knife-crime");
    assertRefused(body, Map.of("theme", "Unknown theme 'knife-crime'"));
  }

  @Test
  void aDuplicateCaseReferenceIsRefused() throws Exception {
    // the same reference differing only in case is the same child
    assertRefused(launchBody("Duplicate", deadline,
            List.of(child("NG/2026/005", "csc"), child("NG/2026/006", "police"), child("ng/2026/005", "gp"))),
        Map.of("children[2].caseReference", "is in the sample twice"));
  }

  @Test
  void aNameInsteadOfACaseReferenceIsRefused() throws Exception {
    assertRefused(launchBody("A name", deadline, List.of(child("JohnSmith", "csc"))),
        Map.of("children[0].caseReference", "never a name"));
    assertRefused(launchBody("A name with a space", deadline, List.of(child("John Smith 2", "csc"))),
        Map.of("children[0].caseReference", "never a name"));
  }

  @Test
  void aDeadlineInThePastOrTodayIsRefused() throws Exception {
    assertRefused(launchBody("Past deadline", LocalDate.now().minusDays(1), List.of(child("NG/2026/007", "csc"))),
        Map.of("deadline", "must be in the future"));
    assertRefused(launchBody("Deadline today", LocalDate.now(), List.of(child("NG/2026/008", "csc"))),
        Map.of("deadline", "must be in the future"));
  }

  @Test
  void everyProblemOfOneLaunchIsReportedTogether() throws Exception {
    Map<String, Object> body = launchBody("Many problems", LocalDate.now().minusDays(1),
        List.of(child("JohnSmith", "csc"), child("NG/2026/009")));
    body.put("theme", "knife-crime");
    JsonNode problem = assertRefused(body, Map.of("theme", "Unknown theme", "deadline", "in the future",
        "children[0].caseReference", "never a name", "children[1].agencies", "select the agencies"));
    assertThat(problem.get("errors")).hasSize(4);
  }

  @Test
  void aSampleLargerThanTheCohortIsRefused() throws Exception {
    assertRefused(cohortLaunch(cohort(5), 6, 7L), Map.of("sampleSize", "(6) is larger than the cohort (5 children)"));
    assertRefused(cohortLaunch(cohort(5), 0, 7L), Map.of("sampleSize", "at least 1"));
  }

  @Test
  void aMalformedCohortIsRefusedWithTheLineNumberOfEveryBadLine() throws Exception {
    String csv = String.join("\n",
        "case_reference,age,sex,ethnicity,plan_type,agencies",
        "CO/2026/001,4,Female,White British,Child in need,csc;police",
        "CO/2026/002,9,Male,Child in need,csc",
        "CO/2026/003,nine,Male,Asian British,Child in need,csc",
        "CO/2026/004,12,Female,Mixed,Looked after,csc;gp");
    JsonNode problem = assertRefused(cohortLaunch(csv, 2, 7L), Map.of(
        "cohort.line3", "Line 3: expected 6 values, found 5",
        "cohort.line4", "Line 4: age 'nine' is not a whole number"));
    assertThat(problem.get("errors")).hasSize(2);
  }

  @Test
  void aCohortWithANameColumnIsRefused() throws Exception {
    String csv = String.join("\n",
        "case_reference,name,age,sex,ethnicity,plan_type,agencies",
        "CO/2026/010,John Smith,4,Male,White British,Child in need,csc");
    JsonNode problem = assertRefused(cohortLaunch(csv, 1, 7L), Map.of("cohort", "Line 1: the columns must be exactly"));
    assertThat(problem.toString()).doesNotContain("John Smith");
  }

  @Test
  void aRandomDrawIsRecordedWithItsSeedAndCohortSizeAndCanBeRepeated() throws Exception {
    String csv = cohort(40);
    long seed = 20261121L;
    long roundsBefore = rounds.count();

    JsonNode round = api.launch(cohortLaunch(csv, 5, seed));

    assertThat(rounds.count()).isEqualTo(roundsBefore + 1);
    assertThat(round.get("sampleMethod").asText()).isEqualTo("RANDOM");
    assertThat(round.get("randomSeed").asLong()).isEqualTo(seed);
    assertThat(round.get("cohortSize").asInt()).isEqualTo(40);
    List<String> launched = new ArrayList<>();
    round.get("children").forEach(c -> launched.add(c.get("caseReference").asText()));
    assertThat(launched).hasSize(5).doesNotHaveDuplicates();

    // the same cohort and seed draw the same children, in the same order, every time
    List<ChildFacts> cohort = CohortCsv.parse(csv, "cohort", code -> true);
    List<String> redrawn = references(RandomSample.draw(cohort, 5, seed));
    assertThat(redrawn).containsExactlyElementsOf(launched);
    assertThat(references(RandomSample.draw(CohortCsv.parse(csv, "cohort", code -> true), 5, seed))).containsExactlyElementsOf(launched);
    // the drawn children keep their facts from the cohort
    JsonNode first = round.get("children").get(0);
    ChildFacts facts = cohort.stream().filter(c -> c.caseReference().equals(launched.getFirst())).findFirst().orElseThrow();
    assertThat(first.get("age").asInt()).isEqualTo(facts.age());
    assertThat(first.get("agencies")).extracting(JsonNode::asText).containsExactlyElementsOf(facts.agencies());
    assertThat(round.get("returnsExpected").asInt()).isEqualTo(10); // 5 children x csc;police
  }

  @Test
  void differentSeedsDrawDifferentSamples() {
    List<ChildFacts> cohort = CohortCsv.parse(cohort(40), "cohort", code -> true);
    List<String> one = references(RandomSample.draw(cohort, 5, 1L));
    List<String> two = references(RandomSample.draw(cohort, 5, 2L));
    List<String> three = references(RandomSample.draw(cohort, 5, 3L));
    assertThat(one).isNotEqualTo(two);
    assertThat(two).isNotEqualTo(three);
    assertThat(one).isNotEqualTo(three);
    // a draw without a seed gets one, and it repeats
    RandomSample.Draw unseeded = RandomSample.draw(cohort, 5, null);
    assertThat(references(RandomSample.draw(cohort, 5, unseeded.seed()))).isEqualTo(references(unseeded));
    assertThat(unseeded.cohortSize()).isEqualTo(40);
  }

  @Test
  void anAgencyAuditorCannotLaunchARound() throws Exception {
    long before = rounds.count();
    RoundTestApi.Reply reply = api.postJson("/api/audit-rounds",
        launchBody("Not mine to launch", deadline, List.of(child("NG/2026/020", "police"))), "auditor.police");
    assertThat(reply.status()).isEqualTo(403);
    assertThat(rounds.count()).isEqualTo(before);
  }

  private static List<String> references(RandomSample.Draw draw) {
    return draw.children().stream().map(ChildFacts::caseReference).toList();
  }

  /** Posts a bad launch: 400 problem JSON naming each expected field (message containing the text), nothing saved. */
  private JsonNode assertRefused(Map<String, Object> body, Map<String, String> expected) throws Exception {
    long roundsBefore = rounds.count();
    long childrenBefore = children.count();
    long returnsBefore = returns.count();

    RoundTestApi.Reply reply = api.postJson("/api/audit-rounds", body, "qa.lead");

    assertThat(reply.status()).as("status, body %s", reply.body()).isEqualTo(400);
    assertThat(MediaType.parseMediaType(reply.contentType()).isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    JsonNode problem = reply.body();
    assertThat(problem.get("status").asInt()).isEqualTo(400);
    assertThat(problem.get("detail").asText()).contains("nothing was saved");
    Map<String, String> errors = new LinkedHashMap<>();
    problem.get("errors").forEach(e -> errors.put(e.get("field").asText(), e.get("message").asText()));
    expected.forEach((field, message) -> assertThat(errors).as("errors").containsKey(field)
        .extractingByKey(field).asString().contains(message));
    assertThat(rounds.count()).isEqualTo(roundsBefore);
    assertThat(children.count()).isEqualTo(childrenBefore);
    assertThat(returns.count()).isEqualTo(returnsBefore);
    return problem;
  }

  private Map<String, Object> cohortLaunch(String csv, int sampleSize, Long seed) {
    Map<String, Object> body = launchBody("Random draw", deadline, null);
    body.remove("children");
    body.put("cohortCsv", csv);
    body.put("sampleSize", sampleSize);
    body.put("seed", seed);
    return body;
  }

  private static String cohort(int size) {
    StringBuilder csv = new StringBuilder("case_reference,age,sex,ethnicity,plan_type,agencies\n");
    for (int i = 1; i <= size; i++) {
      csv.append("RD/2026/%03d,%d,%s,White British,Child in need,csc;police\n"
          .formatted(i, i % 18, i % 2 == 0 ? "Female" : "Male"));
    }
    return csv.toString();
  }
}
