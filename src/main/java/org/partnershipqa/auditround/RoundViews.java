package org.partnershipqa.auditround;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.partnershipqa.accesslog.AccessAction;
import org.partnershipqa.accesslog.AccessLog;
import org.partnershipqa.action.ActionView;
import org.partnershipqa.action.Actions;
import org.partnershipqa.people.People;
import org.partnershipqa.tasks.Task;
import org.partnershipqa.tasks.TaskDirectory;
import org.partnershipqa.tasks.TaskState;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read models of rounds for the pages and the API. Viewing child-level data is recorded in the access log. */
@Service
public class RoundViews {

  private final ThemeRepository themes;
  private final AuditRoundRepository rounds;
  private final SampledChildRepository children;
  private final AgencyReturnRepository returns;
  private final Actions actions;
  private final TaskDirectory tasks;
  private final AccessLog accessLog;
  private final People people;

  RoundViews(ThemeRepository themes, AuditRoundRepository rounds, SampledChildRepository children,
      AgencyReturnRepository returns, Actions actions, TaskDirectory tasks, AccessLog accessLog, People people) {
    this.themes = themes;
    this.rounds = rounds;
    this.children = children;
    this.returns = returns;
    this.actions = actions;
    this.tasks = tasks;
    this.accessLog = accessLog;
    this.people = people;
  }

  /** Returns received (or withdrawn) against returns expected. */
  public record Progress(int settled, int expected) {
    public int percent() {
      return expected == 0 ? 0 : Math.round(100f * settled / expected);
    }
  }

  public record RoundSummary(AuditRound round, Progress progress) {}

  public record ChildView(SampledChild child, List<AgencyReturn> returns, Progress progress) {}

  /** @param groups who it waits for, in words: role labels and agency names */
  public record WaitingTask(String name, String caseReference, List<String> groups, java.time.Instant dueAt, boolean overdue) {}

  public record RoundDetail(AuditRound round, List<ChildView> children, Progress progress, List<ActionView> actions,
      List<WaitingTask> waiting, Map<String, Progress> byAgency) {}

  @Transactional(readOnly = true)
  public List<Theme> themes() {
    return themes.findAllByOrderByTitleAsc();
  }

  @Transactional(readOnly = true)
  public List<RoundSummary> all() {
    return rounds.findAllByOrderByCreatedAtDesc().stream()
        .map(r -> new RoundSummary(r, progress(returns.findByRoundIdOrderByIdAsc(r.getId())))).toList();
  }

  @Transactional
  public RoundDetail detail(long id) {
    AuditRound round = rounds.findById(id).orElseThrow(() -> new NoSuchElementException("No audit round " + id));
    List<AgencyReturn> all = returns.findByRoundIdOrderByIdAsc(id);
    List<ChildView> views = children.findByRoundIdOrderByIdAsc(id).stream().map(c -> {
      List<AgencyReturn> mine = all.stream().filter(r -> r.getChild().getId().equals(c.getId())).toList();
      accessLog.record(AccessAction.VIEW, "sampled-child", String.valueOf(c.getId()), c.getCaseReference(),
          "round " + id + " overview");
      return new ChildView(c, mine, progress(mine));
    }).toList();
    java.time.Instant now = java.time.Instant.now();
    List<WaitingTask> waiting = tasks.forSubject(AuditRounds.SUBJECT_TYPE, String.valueOf(id)).stream()
        .filter(t -> t.getState() == TaskState.OPEN)
        .sorted(Comparator.comparing(Task::getDueAt, Comparator.nullsLast(Comparator.naturalOrder())))
        .map(t -> new WaitingTask(t.getName(), t.getCaseReference(),
            t.getCandidateGroups().stream().map(people::groupName).toList(), t.getDueAt(), t.isOverdue(now)))
        .toList();
    Map<String, Progress> byAgency = all.stream().collect(Collectors.groupingBy(AgencyReturn::getAgencyCode,
        java.util.TreeMap::new, Collectors.collectingAndThen(Collectors.toList(), this::progress)));
    return new RoundDetail(round, views, progress(all),
        actions.forSubject(AuditRounds.SUBJECT_TYPE, String.valueOf(id)), waiting, byAgency);
  }

  /**
   * A child of a round, by the child's id: case references are free text from other systems (WS/2026/101), so
   * addresses carry the id, never the reference.
   */
  @Transactional
  public ChildView child(long roundId, long childId) {
    SampledChild child = children.findByIdAndRoundId(childId, roundId)
        .orElseThrow(() -> new NoSuchElementException("No child " + childId + " in round " + roundId));
    List<AgencyReturn> mine = returns.findByChildIdOrderByIdAsc(child.getId());
    accessLog.record(AccessAction.VIEW, "sampled-child", String.valueOf(child.getId()), child.getCaseReference(),
        "returns side by side");
    return new ChildView(child, mine, progress(mine));
  }

  private Progress progress(List<AgencyReturn> list) {
    return new Progress((int) list.stream().filter(r -> r.getState().isSettled()).count(), list.size());
  }
}
