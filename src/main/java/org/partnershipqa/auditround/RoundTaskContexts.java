package org.partnershipqa.auditround;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.partnershipqa.accesslog.AccessAction;
import org.partnershipqa.accesslog.AccessLog;
import org.partnershipqa.forms.FormField;
import org.partnershipqa.forms.Option;
import org.partnershipqa.people.PartnershipUser;
import org.partnershipqa.people.People;
import org.partnershipqa.people.Role;
import org.partnershipqa.tasks.Task;
import org.partnershipqa.tasks.TaskContext;
import org.partnershipqa.tasks.TaskContextProvider;
import org.partnershipqa.tasks.TaskDirectory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the tasks of an audit round are about, for the inbox and the task pages: the round, the child, the agency,
 * and for moderation every agency's return side by side. Keyed on the task's form key (element ids change as the
 * process is reshaped; form keys stay).
 */
@Component
class RoundTaskContexts implements TaskContextProvider {

  static final String TEMPLATE = "auditround/task-context";
  static final String DISCUSSION = "multi-agency-discussion";
  static final String CHASE = "chase-return";
  static final String REVIEW = "review-findings";

  private final AuditRoundRepository rounds;
  private final SampledChildRepository children;
  private final AgencyReturnRepository returns;
  private final AuditForms forms;
  private final SignOffDecisions signOffs;
  private final TaskDirectory tasks;
  private final People people;
  private final AccessLog accessLog;

  RoundTaskContexts(AuditRoundRepository rounds, SampledChildRepository children, AgencyReturnRepository returns,
      AuditForms forms, SignOffDecisions signOffs, TaskDirectory tasks, People people, AccessLog accessLog) {
    this.rounds = rounds;
    this.children = children;
    this.returns = returns;
    this.forms = forms;
    this.signOffs = signOffs;
    this.tasks = tasks;
    this.people = people;
    this.accessLog = accessLog;
  }

  /** One agency's return as a column of the side-by-side table. */
  public record ReturnColumn(String agency, String state, String withdrawnReason, String submittedBy,
      Instant receivedAt) {}

  /** One question of the single-agency audit, with each agency's answer in words. */
  public record AnswerRow(String question, List<String> answers) {}

  /** An agency whose return a chase is about. */
  public record ChasedReturn(String agency, LocalDate deadline, String state) {}

  @Override
  @Transactional(readOnly = true)
  public Optional<String> summaryFor(Task task, PartnershipUser viewer) {
    return round(task).map(round -> switch (task.getFormKey() == null ? "" : task.getFormKey()) {
      case AuditForms.SINGLE_AGENCY_AUDIT ->
          line(round.getTitle(), task.getCaseReference(), people.agencyName(agencyOf(task)));
      case CHASE -> line(round.getTitle(), task.getCaseReference(), child(round, task)
          .map(c -> chased(task, c).stream().map(r -> people.agencyName(r.getAgencyCode()))
              .collect(Collectors.joining(" or "))).orElse(null));
      case REVIEW, SignOffDecisions.FORM_KEY -> line(round.getTitle(), round.getQuarter());
      default -> line(round.getTitle(), task.getCaseReference());
    });
  }

  @Override
  @Transactional
  public Optional<TaskContext> contextFor(Task task, PartnershipUser viewer) {
    Optional<AuditRound> found = round(task);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    AuditRound round = found.get();
    String summary = summaryFor(task, viewer).orElseThrow();
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("round", round);
    String fragment = switch (task.getFormKey() == null ? "" : task.getFormKey()) {
      case DISCUSSION -> moderators(viewer) ? discussion(round, task, model) : null;
      case REVIEW, SignOffDecisions.FORM_KEY -> signOff(round, model);
      case AuditForms.SINGLE_AGENCY_AUDIT -> audit(round, task, model);
      case CHASE -> chase(round, task, model);
      default -> null;
    };
    return Optional.of(new TaskContext(summary, fragment == null ? null : TEMPLATE, fragment, model));
  }

  /** Every agency's return for the task's child, side by side in the single-agency form's words. */
  private String discussion(AuditRound round, Task task, Map<String, Object> model) {
    Optional<SampledChild> found = child(round, task);
    if (found.isEmpty()) {
      return null;
    }
    SampledChild child = found.get();
    List<AgencyReturn> all = returns.findByChildIdOrderByIdAsc(child.getId());
    List<ReturnColumn> columns = all.stream().map(r -> new ReturnColumn(people.agencyName(r.getAgencyCode()),
        stateLabel(r), r.getWithdrawnReason(), people.displayName(r.getSubmittedBy()), r.getReceivedAt())).toList();
    List<AnswerRow> rows = questions(round).stream().map(field -> new AnswerRow(field.label(),
        all.stream().map(r -> words(field, r.getAnswers().get(field.key()))).toList())).toList();
    model.put("child", child);
    model.put("columns", columns);
    model.put("rows", rows);
    accessLog.record(AccessAction.VIEW, "sampled-child", String.valueOf(child.getId()), child.getCaseReference(),
        "returns side by side in the multi-agency discussion task " + task.getId());
    return "discussion";
  }

  /** The round, its findings and briefing, and what the PQA sub-group said when it last returned them. */
  private String signOff(AuditRound round, Map<String, Object> model) {
    model.put("lastReturn", signOffs.lastReturn(round.getId()).orElse(null));
    return "signOff";
  }

  /** The round and the child's non-identifying facts, and the agency's deadline. */
  private String audit(AuditRound round, Task task, Map<String, Object> model) {
    Optional<SampledChild> child = child(round, task);
    if (child.isEmpty()) {
      return null;
    }
    model.put("child", child.get());
    model.put("agency", people.agencyName(agencyOf(task)));
    model.put("deadline", returns.findByChildIdAndAgencyCode(child.get().getId(), agencyOf(task))
        .map(AgencyReturn::getDeadline).orElse(round.getDeadline()));
    logFactsViewed(child.get(), task);
    return "audit";
  }

  /** Which agency's return is overdue, for which child, and its deadline. */
  private String chase(AuditRound round, Task task, Map<String, Object> model) {
    Optional<SampledChild> child = child(round, task);
    if (child.isEmpty()) {
      return null;
    }
    model.put("child", child.get());
    model.put("chased", chased(task, child.get()).stream()
        .map(r -> new ChasedReturn(people.agencyName(r.getAgencyCode()), r.getDeadline(), stateLabel(r))).toList());
    logFactsViewed(child.get(), task);
    return "chase";
  }

  /**
   * The returns a chase task is about. A chase task does not name its agency: it is the single-agency audit in
   * the same process instance for the same child. Once each agency's request runs in a process instance of its
   * own that is exactly one; while the agencies share the round's instance, the overdue ones among them.
   */
  private List<AgencyReturn> chased(Task chase, SampledChild child) {
    Set<String> agencies = tasks.forSubject(AuditRounds.SUBJECT_TYPE, chase.getSubjectId()).stream()
        .filter(t -> AuditForms.SINGLE_AGENCY_AUDIT.equals(t.getFormKey()))
        .filter(t -> t.getProcessInstanceKey() == chase.getProcessInstanceKey())
        .filter(t -> Objects.equals(t.getCaseReference(), chase.getCaseReference()))
        .map(RoundTaskContexts::agencyOf).filter(Objects::nonNull).collect(Collectors.toSet());
    List<AgencyReturn> candidates = returns.findByChildIdOrderByIdAsc(child.getId()).stream()
        .filter(r -> agencies.contains(r.getAgencyCode())).toList();
    List<AgencyReturn> overdue = candidates.stream()
        .filter(r -> r.getState() == ReturnState.AWAITED && r.isOverdue()).toList();
    return candidates.size() > 1 && !overdue.isEmpty() ? overdue : candidates;
  }

  /** The round's single-agency questions: grade per heading, the overall grade, then the rest in form order. */
  private List<FormField> questions(AuditRound round) {
    List<FormField> inputs = forms.build(round.getTheme()).inputs();
    List<FormField> ordered = new ArrayList<>(inputs.stream().filter(f -> f.key().startsWith("heading_")).toList());
    inputs.stream().filter(f -> f.key().equals("overallGrade")).forEach(ordered::add);
    inputs.stream().filter(f -> !ordered.contains(f)).forEach(ordered::add);
    return ordered;
  }

  /** An answer as the form words it: option labels, not codes. */
  private static String words(FormField field, Object value) {
    if (value == null || value.toString().isBlank()) {
      return "–";
    }
    Stream<?> values = value instanceof Collection<?> c ? c.stream() : Stream.of(value);
    return values.map(v -> field.options().stream().filter(o -> o.value().equals(v.toString()))
        .map(Option::label).findFirst().orElse(v.toString())).collect(Collectors.joining(", "));
  }

  private static String stateLabel(AgencyReturn r) {
    return switch (r.getState()) {
      case RECEIVED -> "Received";
      case WITHDRAWN -> "Withdrawn";
      case AWAITED -> r.isOverdue() ? "Overdue" : "Awaited";
    };
  }

  private void logFactsViewed(SampledChild child, Task task) {
    accessLog.record(AccessAction.VIEW, "sampled-child", String.valueOf(child.getId()), child.getCaseReference(),
        "facts in task " + task.getId());
  }

  /** Moderation compares all agencies' returns: for the QA lead and the PQA sub-group only. */
  private static boolean moderators(PartnershipUser viewer) {
    return viewer.has(Role.QA_LEAD) || viewer.has(Role.PQA_MEMBER);
  }

  private Optional<AuditRound> round(Task task) {
    if (!AuditRounds.SUBJECT_TYPE.equals(task.getSubjectType())) {
      return Optional.empty();
    }
    try {
      return rounds.findById(Long.valueOf(task.getSubjectId()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private Optional<SampledChild> child(AuditRound round, Task task) {
    return task.getCaseReference() == null ? Optional.empty()
        : children.findByRoundIdAndCaseReference(round.getId(), task.getCaseReference());
  }

  /** A single-agency audit is routed to exactly its agency. */
  private static String agencyOf(Task task) {
    return task.getCandidateGroups().isEmpty() ? null : task.getCandidateGroups().getFirst();
  }

  private static String line(String... parts) {
    return Stream.of(parts).filter(p -> p != null && !p.isBlank()).collect(Collectors.joining(" · "));
  }
}
