package org.partnershipqa.action;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.partnershipqa.accesslog.AccessAction;
import org.partnershipqa.accesslog.AccessLog;
import org.partnershipqa.people.Agency;
import org.partnershipqa.people.People;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The actions module as processes use it: propose an action agreed in a process, start tracking a subject's actions
 * once they are signed off, and read a subject's actions. Each step is idempotent, so a workflow job handed out
 * twice (after a crash) changes nothing the second time.
 */
@Service
public class Actions {

  static final String RECORD_TYPE = "action";
  static final ZoneId LONDON = ZoneId.of("Europe/London");

  private final ActionRepository actions;
  private final ActionChangeRepository changes;
  private final People people;
  private final AccessLog accessLog;

  Actions(ActionRepository actions, ActionChangeRepository changes, People people, AccessLog accessLog) {
    this.actions = actions;
    this.changes = changes;
    this.people = people;
    this.accessLog = accessLog;
  }

  /**
   * An action as a process agreed it.
   *
   * @param sourceProcess the BPMN process it came from, e.g. {@code themed-audit-round}
   * @param subjectType with {@code subjectId}, what it belongs to, e.g. {@code audit-round} and the round's id
   * @param subjectLabel how people know the subject, for lists (e.g. the round's title)
   * @param caseReference the child it is about, if any
   * @param finding the finding it answers, if any
   * @param leadAgency an active agency's code, or null while none is chosen
   * @param by who agreed it (username)
   */
  public record Proposal(String sourceProcess, String subjectType, String subjectId, String subjectLabel,
      String caseReference, String finding, String description, String leadAgency, String owner, LocalDate dueDate,
      String by) {}

  /**
   * Records a proposed action, or returns the one proposed before for the same subject, case and description.
   *
   * @throws IllegalArgumentException when the description is blank or the lead agency is not an active agency
   */
  @Transactional
  public ActionView propose(Proposal p) {
    if (p.description() == null || p.description().isBlank()) {
      throw new IllegalArgumentException("An action needs a description");
    }
    if (p.leadAgency() != null && !isActiveAgency(p.leadAgency())) {
      throw new IllegalArgumentException("'" + p.leadAgency() + "' is not an active agency's code");
    }
    Optional<Action> before = actions.findBySubjectTypeAndSubjectIdOrderByIdAsc(p.subjectType(), p.subjectId())
        .stream().filter(a -> a.answers(p.caseReference(), p.description())).findFirst();
    if (before.isPresent()) {
      return view(before.get());
    }
    Instant now = Instant.now();
    Action action = actions.save(new Action(p, now));
    changes.save(new ActionChange(action.getId(), now, p.by(), "Proposed", null));
    if (action.getCaseReference() != null) {
      accessLog.record(AccessAction.CREATE, RECORD_TYPE, String.valueOf(action.getId()), action.getCaseReference(),
          "action proposed");
    }
    return view(action);
  }

  /** The subject is signed off: its proposed actions become tracked (Not started). @return how many changed */
  @Transactional
  public int track(String subjectType, String subjectId, String by) {
    int tracked = 0;
    Instant now = Instant.now();
    for (Action action : actions.findBySubjectTypeAndSubjectIdOrderByIdAsc(subjectType, subjectId)) {
      String what = action.track();
      if (what != null) {
        changes.save(new ActionChange(action.getId(), now, by, what, "Tracking started: signed off"));
        if (action.getCaseReference() != null) {
          accessLog.record(AccessAction.CHANGE, RECORD_TYPE, String.valueOf(action.getId()),
              action.getCaseReference(), what);
        }
        tracked++;
      }
    }
    return tracked;
  }

  /** A subject's actions, oldest first. */
  @Transactional(readOnly = true)
  public List<ActionView> forSubject(String subjectType, String subjectId) {
    return actions.findBySubjectTypeAndSubjectIdOrderByIdAsc(subjectType, subjectId).stream().map(this::view).toList();
  }

  /** Whether {@code code} is an agency a new action may be led by. */
  @Transactional(readOnly = true)
  public boolean isActiveAgency(String code) {
    return people.agency(code).filter(Agency::isActive).isPresent();
  }

  ActionView view(Action a) {
    return view(a, people::agencyName);
  }

  static ActionView view(Action a, java.util.function.UnaryOperator<String> agencyName) {
    return new ActionView(a.getId(), a.getSourceProcess(), a.getSubjectType(), a.getSubjectId(), a.getSubjectLabel(),
        a.getCaseReference(), a.getFinding(), a.getDescription(), a.getLeadAgency(),
        a.getLeadAgency() == null ? null : agencyName.apply(a.getLeadAgency()), a.getOwner(), a.getDueDate(),
        a.getStatus(), a.isOverdue(LocalDate.now(LONDON)), a.getEvidence(), a.getCreatedBy(), a.getCreatedAt(),
        a.getVersion());
  }
}
