package org.partnershipqa.auditround;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.partnershipqa.forms.FormCatalog;
import org.partnershipqa.forms.FormDefinition;
import org.partnershipqa.people.Agency;
import org.partnershipqa.people.People;
import org.partnershipqa.tasks.Task;
import org.partnershipqa.tasks.TaskFormProvider;
import org.springframework.stereotype.Component;

/**
 * The multi-agency discussion form of a round, with each action's lead agency a choice of the partnership's active
 * agencies (names shown, codes stored). The options in {@code forms/multi-agency-discussion.form} are placeholders
 * for Camunda Modeler; agencies are data, so they are filled in here, and the form validator then refuses any other
 * value (a mistyped code such as "polise").
 */
@Component
class DiscussionForms implements TaskFormProvider {

  static final String MULTI_AGENCY_DISCUSSION = "multi-agency-discussion";
  private static final String LEAD_AGENCY_SUFFIX = "LeadAgency";

  private final FormCatalog catalog;
  private final People people;
  private final ObjectMapper json;

  DiscussionForms(FormCatalog catalog, People people, ObjectMapper json) {
    this.catalog = catalog;
    this.people = people;
    this.json = json;
  }

  @Override
  public Optional<FormDefinition> formFor(String formKey, Task task) {
    if (!MULTI_AGENCY_DISCUSSION.equals(formKey) || !AuditRounds.SUBJECT_TYPE.equals(task.getSubjectType())) {
      return Optional.empty();
    }
    List<Agency> agencies = people.activeAgencies();
    return agencies.isEmpty() ? Optional.empty() : Optional.of(build(agencies));
  }

  FormDefinition build(List<Agency> agencies) {
    try {
      ObjectNode form = (ObjectNode) json.readTree(catalog.get(MULTI_AGENCY_DISCUSSION).json());
      fillLeadAgencies(form.withArray("components"), agencies);
      return FormCatalog.parse(json.writeValueAsString(form), MULTI_AGENCY_DISCUSSION + " with the active agencies");
    } catch (IOException e) {
      throw new IllegalStateException("Cannot build the multi-agency discussion form", e);
    }
  }

  private void fillLeadAgencies(JsonNode components, List<Agency> agencies) {
    for (JsonNode component : components) {
      if (component.has("components")) {
        fillLeadAgencies(component.get("components"), agencies);
      }
      if (component.path("key").asText().endsWith(LEAD_AGENCY_SUFFIX)) {
        ObjectNode field = (ObjectNode) component;
        field.put("description", "The agency that leads this action");
        ArrayNode values = field.putArray("values");
        agencies.forEach(a -> values.addObject().put("label", a.getName()).put("value", a.getCode()));
      }
    }
  }
}
