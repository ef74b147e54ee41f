package org.partnershipqa.action;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.partnershipqa.accesslog.AccessAction;
import org.partnershipqa.accesslog.AccessLog;
import org.partnershipqa.people.People;
import org.partnershipqa.people.PartnershipUser;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Actions as people track them, for the pages and the API alike: who sees which ({@link ActionAccess}), the history,
 * and updates of status and evidence. Viewing an action about a child, and every change, goes to the access log.
 */
@Service
class ActionTracker {

  private final ActionRepository actions;
  private final ActionChangeRepository changes;
  private final Actions facade;
  private final People people;
  private final AccessLog accessLog;

  ActionTracker(ActionRepository actions, ActionChangeRepository changes, Actions facade, People people,
      AccessLog accessLog) {
    this.actions = actions;
    this.changes = changes;
    this.facade = facade;
    this.people = people;
    this.accessLog = accessLog;
  }

  /** One entry of an action's history. */
  record Change(Instant at, String by, String what, String note) {}

  /** An action with its history, and whether the person may change it. */
  record Detail(ActionView action, List<Change> history, boolean mayChange) {}

  /**
   * Which actions a list shows. {@code status} "OVERDUE" means overdue whatever the status.
   *
   * @param agency a lead agency's code, or null for all (only the partnership's people choose)
   */
  record Filter(String agency, String status) {

    static final String OVERDUE = "OVERDUE";
    static final Filter ALL = new Filter(null, null);

    /** @throws IllegalArgumentException for a status that is neither a status nor "OVERDUE" */
    static Filter of(String agency, String status) {
      String a = agency == null || agency.isBlank() ? null : agency.trim();
      if (status == null || status.isBlank()) {
        return new Filter(a, null);
      }
      if (OVERDUE.equalsIgnoreCase(status.trim())) {
        return new Filter(a, OVERDUE);
      }
      ActionStatus s = ActionStatus.parse(status).orElseThrow(() -> new IllegalArgumentException(
          "Unknown status '" + status + "': use PROPOSED, NOT_STARTED, ONGOING, COMPLETED or OVERDUE"));
      return new Filter(a, s.name());
    }

    boolean matches(Action action, LocalDate today) {
      return (agency == null || agency.equals(action.getLeadAgency()))
          && (status == null || (OVERDUE.equals(status) ? action.isOverdue(today) : status.equals(action.getStatus().name())));
    }
  }

  /** The actions the person may see that match the filter: open ones first, soonest due first. */
  @Transactional
  List<ActionView> list(PartnershipUser user, Filter filter) {
    if (!ActionAccess.mayList(user)) {
      throw new AccessDeniedException("Only the QA lead, PQA members and agency auditors track actions");
    }
    LocalDate today = LocalDate.now(Actions.LONDON);
    Filter applied = ActionAccess.seesAll(user) ? filter : new Filter(user.agencyCode(), filter.status());
    List<Action> found = (applied.agency() == null ? actions.findAll() : actions.findByLeadAgency(applied.agency()))
        .stream().filter(a -> ActionAccess.sees(user, a) && applied.matches(a, today))
        .sorted(Comparator.comparing((Action a) -> a.getStatus() == ActionStatus.COMPLETED)
            .thenComparing(Action::getDueDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Action::getId))
        .toList();
    Map<String, String> names = new HashMap<>();
    found.stream().filter(a -> a.getCaseReference() != null).forEach(a -> accessLog.record(AccessAction.VIEW,
        Actions.RECORD_TYPE, String.valueOf(a.getId()), a.getCaseReference(), "actions list"));
    return found.stream().map(a -> Actions.view(a, code -> names.computeIfAbsent(code, people::agencyName))).toList();
  }

  /** Opens an action; 404 when it is not the person's to see. */
  @Transactional
  Detail view(long id, PartnershipUser user) {
    Action action = visible(id, user);
    if (action.getCaseReference() != null) {
      accessLog.record(AccessAction.VIEW, Actions.RECORD_TYPE, String.valueOf(id), action.getCaseReference(),
          "action");
    }
    return detail(action, user);
  }

  /**
   * Changes status and evidence, with a note, and records who, when and what in the history.
   *
   * @throws ActionNotFoundException when the person may not see it (404)
   * @throws AccessDeniedException when they may see but not change it (403)
   * @throws ActionConflictException when it is not tracked yet, or changed since they saw it (409)
   * @throws InvalidActionUpdateException with the field errors (400); nothing changed
   */
  @Transactional
  Detail update(long id, PartnershipUser user, ActionUpdate update) {
    Action action = visible(id, user);
    if (!ActionAccess.mayChange(user, action)) {
      throw new AccessDeniedException("Only the QA lead or an auditor of the lead agency may change this action");
    }
    if (action.getStatus() == ActionStatus.PROPOSED) {
      throw new ActionConflictException("This action is proposed and not yet signed off. It can be updated once "
          + "it is tracked.");
    }
    if (update.version() != null && update.version() != action.getVersion()) {
      throw changedMeanwhile();
    }
    Map<String, String> errors = update.errors(action);
    if (!errors.isEmpty()) {
      throw new InvalidActionUpdateException(errors);
    }
    List<String> changed = action.update(update.newStatus(), update.trimmedEvidence());
    String what = changed.isEmpty() ? "Note added" : String.join("; ", changed);
    changes.save(new ActionChange(action.getId(), Instant.now(), user.username(), what, update.trimmedNote()));
    try {
      actions.saveAndFlush(action);
    } catch (OptimisticLockingFailureException e) {
      throw changedMeanwhile();
    }
    accessLog.record(AccessAction.CHANGE, Actions.RECORD_TYPE, String.valueOf(id), action.getCaseReference(), what);
    return detail(action, user);
  }

  private Action visible(long id, PartnershipUser user) {
    Optional<Action> action = actions.findById(id);
    if (action.isEmpty() || !ActionAccess.sees(user, action.get())) {
      throw new ActionNotFoundException(id);
    }
    return action.get();
  }

  private Detail detail(Action action, PartnershipUser user) {
    List<Change> history = changes.findByActionIdOrderByChangedAtAscIdAsc(action.getId()).stream()
        .map(c -> new Change(c.getChangedAt(), c.getChangedBy(), c.getWhat(), c.getNote())).toList();
    return new Detail(facade.view(action), history,
        ActionAccess.mayChange(user, action) && action.getStatus() != ActionStatus.PROPOSED);
  }

  private static ActionConflictException changedMeanwhile() {
    return new ActionConflictException("Someone else changed this action while you were updating it. Check its "
        + "status and history, then make your change again.");
  }
}
