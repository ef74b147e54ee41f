package org.partnershipqa.auditround;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.partnershipqa.forms.FormCatalog;
import org.partnershipqa.forms.FormDefinition;
import org.partnershipqa.tasks.Task;
import org.partnershipqa.tasks.TaskFormProvider;
import org.springframework.stereotype.Component;

/**
 * The single-agency audit form of a round: one graded question per heading of the round's theme (the
 * question set QA leads edit), followed by the common questions of {@code forms/single-agency-audit.form}.
 */
@Component
class AuditForms implements TaskFormProvider {

  static final String SINGLE_AGENCY_AUDIT = "single-agency-audit";

  private final FormCatalog catalog;
  private final AuditRoundRepository rounds;
  private final ObjectMapper json;

  AuditForms(FormCatalog catalog, AuditRoundRepository rounds, ObjectMapper json) {
    this.catalog = catalog;
    this.rounds = rounds;
    this.json = json;
  }

  static String headingKey(ThemeHeading heading) {
    return "heading_" + heading.key().replaceAll("[^A-Za-z0-9_]", "_"); // form keys are variable names
  }

  @Override
  public Optional<FormDefinition> formFor(String formKey, Task task) {
    if (!SINGLE_AGENCY_AUDIT.equals(formKey) || !AuditRounds.SUBJECT_TYPE.equals(task.getSubjectType())) {
      return Optional.empty();
    }
    return parseId(task.getSubjectId()).flatMap(rounds::findById).map(round -> build(round.getTheme()));
  }

  FormDefinition build(Theme theme) {
    try {
      ObjectNode form = (ObjectNode) json.readTree(catalog.get(SINGLE_AGENCY_AUDIT).json());
      ArrayNode components = json.createArrayNode();
      components.add(json.createObjectNode().put("type", "text").put("id", "theme_intro")
          .put("text", "## " + theme.getTitle() + "\n\n" + theme.getTermsOfReference()));
      for (ThemeHeading heading : theme.getHeadings()) {
        ObjectNode radio = components.addObject().put("type", "radio").put("key", headingKey(heading))
            .put("id", headingKey(heading)).put("label", heading.title());
        if (heading.guidance() != null && !heading.guidance().isBlank()) {
          radio.put("description", heading.guidance());
        }
        ArrayNode values = radio.putArray("values");
        Grade.ORDER.forEach(g -> values.addObject().put("label", g.label()).put("value", g.code()));
        values.addObject().put("label", "Not applicable").put("value", "not-applicable");
        radio.putObject("validate").put("required", true);
      }
      for (JsonNode component : form.withArray("components")) {
        components.add(component);
      }
      form.set("components", components);
      form.put("id", SINGLE_AGENCY_AUDIT + ":" + theme.getCode());
      return FormCatalog.parse(json.writeValueAsString(form), "theme " + theme.getCode());
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Cannot build the audit form of theme " + theme.getCode(), e);
    }
  }

  private static Optional<Long> parseId(String id) {
    try {
      return Optional.of(Long.valueOf(id));
    } catch (NumberFormatException | NullPointerException e) {
      return Optional.empty();
    }
  }
}
