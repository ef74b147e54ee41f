package org.partnershipqa.tasks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a task is about, as the feature that owns its process tells it: a one-line summary for the inbox and the
 * API, and a Thymeleaf fragment the task page shows above the form.
 *
 * @param summary one line, e.g. "Q3 CSA deep dive · WS/2026/101 · Police"
 * @param template the template holding the fragment, e.g. {@code auditround/task-context}; null for none
 * @param fragment the fragment's name in that template; it reads its data from {@code ctx}
 * @param model the data the fragment reads, as the variable {@code ctx}
 */
public record TaskContext(String summary, String template, String fragment, Map<String, Object> model) {

  public TaskContext {
    // values may be null (a fragment's optional part), so not Map.copyOf
    model = model == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(model));
  }

  /** Whether the task page has a fragment to show. */
  public boolean hasFragment() {
    return template != null && fragment != null;
  }
}
