package org.partnershipqa.tasks;

import java.util.Optional;
import org.partnershipqa.forms.FormDefinition;

/**
 * Supplies a task's form when it is not a static form in {@code forms/} (e.g. a theme's question set that
 * QA leads edit). Features register one as a bean; the first that answers wins.
 */
public interface TaskFormProvider {

  Optional<FormDefinition> formFor(String formKey, Task task);
}
