package org.partnershipqa.tasks;

import java.util.List;
import java.util.Optional;
import org.partnershipqa.forms.FormCatalog;
import org.partnershipqa.forms.FormDefinition;
import org.springframework.stereotype.Component;

/** Finds the form a task is filled in with: a provider's, else the static form with the task's form key. */
@Component
class TaskForms {

  static final FormDefinition NO_FIELDS = new FormDefinition("no-fields", List.of(), "{\"components\":[]}");

  private final FormCatalog catalog;
  private final List<TaskFormProvider> providers;

  TaskForms(FormCatalog catalog, List<TaskFormProvider> providers) {
    this.catalog = catalog;
    this.providers = providers;
  }

  FormDefinition formFor(Task task) {
    String key = task.getFormKey();
    if (key == null || key.isBlank()) {
      return NO_FIELDS;
    }
    for (TaskFormProvider provider : providers) {
      Optional<FormDefinition> form = provider.formFor(key, task);
      if (form.isPresent()) {
        return form.get();
      }
    }
    return catalog.find(key).orElseThrow(() -> new IllegalStateException(
        "Task " + task.getId() + " needs form '" + key + "', which this application does not have"));
  }
}
