package org.partnershipqa.tasks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.partnershipqa.people.PartnershipUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Asks the features' {@link TaskContextProvider}s what a task is about; the first that answers wins. */
@Component
class TaskContexts {

  private final List<TaskContextProvider> providers;

  TaskContexts(List<TaskContextProvider> providers) {
    this.providers = providers;
  }

  Optional<TaskContext> contextFor(Task task, PartnershipUser viewer) {
    return first(p -> p.contextFor(task, viewer));
  }

  Optional<String> summaryFor(Task task, PartnershipUser viewer) {
    return first(p -> p.summaryFor(task, viewer));
  }

  /** Summaries by task id, in one transaction so providers' look-ups of shared records are read once. */
  @Transactional(readOnly = true)
  public Map<Long, String> summaries(List<Task> tasks, PartnershipUser viewer) {
    Map<Long, String> summaries = new HashMap<>();
    tasks.forEach(t -> summaryFor(t, viewer).ifPresent(s -> summaries.put(t.getId(), s)));
    return summaries;
  }

  private <T> Optional<T> first(Function<TaskContextProvider, Optional<T>> ask) {
    for (TaskContextProvider provider : providers) {
      Optional<T> answer = ask.apply(provider);
      if (answer.isPresent()) {
        return answer;
      }
    }
    return Optional.empty();
  }
}
