package org.partnershipqa.tasks;

import java.util.Optional;
import org.partnershipqa.people.PartnershipUser;

/**
 * Supplies the context of the tasks of a process the inbox does not know: the feature that owns the process
 * registers one as a bean; the first that answers wins (as for {@link TaskFormProvider}). Called only for tasks
 * the viewer may see.
 */
public interface TaskContextProvider {

  /** The one-line summary for the inbox and the API. Cheap: called for every task listed; reads no child records. */
  Optional<String> summaryFor(Task task, PartnershipUser viewer);

  /**
   * The full context for the task's page. May read child-level records; a provider that does records the view in
   * the access log.
   */
  Optional<TaskContext> contextFor(Task task, PartnershipUser viewer);
}
