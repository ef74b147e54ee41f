package org.partnershipqa.forms;

import java.util.List;
import java.util.Optional;

/**
 * A parsed Camunda form.
 *
 * @param id the form id; BPMN user tasks reference the form by this id (their form key)
 * @param fields top-level components in document order; groups hold their own children
 * @param json the original schema text, as clients of the API expect it
 */
public record FormDefinition(String id, List<FormField> fields, String json) {

  public FormDefinition {
    fields = List.copyOf(fields);
  }

  /** Every input field, including those inside groups, in document order. */
  public List<FormField> inputs() {
    return fields.stream().flatMap(FormField::flatten).filter(FormField::isInput).toList();
  }

  public Optional<FormField> field(String key) {
    return inputs().stream().filter(f -> f.key().equals(key)).findFirst();
  }
}
