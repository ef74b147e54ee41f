package org.partnershipqa.tasks;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tasks as features see them from workers (no signed-in person): the answers a task was submitted with, and
 * housekeeping when the workflow moves on (withdrawals, new deadlines).
 */
@Service
public class TaskDirectory {

  private final TaskRepository tasks;

  TaskDirectory(TaskRepository tasks) {
    this.tasks = tasks;
  }

  /** What a person submitted on a task. */
  public record Submission(long taskId, Map<String, Object> answers, String submittedBy, Instant submittedAt) {}

  /** The latest submitted answers of the tasks of one element for one subject, case and group. */
  @Transactional(readOnly = true)
  public Optional<Submission> latestSubmission(String subjectType, String subjectId, String caseReference,
      String elementId, String candidateGroup) {
    return matching(subjectType, subjectId, caseReference, elementId, candidateGroup).stream()
        .filter(t -> t.getState() == TaskState.SUBMITTED || t.getState() == TaskState.COMPLETED)
        .max(Comparator.comparing(Task::getSubmittedAt))
        .map(t -> new Submission(t.getId(), t.getAnswers(), t.getSubmittedBy(), t.getSubmittedAt()));
  }

  /** Open tasks of one subject (for progress pages). */
  @Transactional(readOnly = true)
  public List<Task> forSubject(String subjectType, String subjectId) {
    return tasks.findBySubjectTypeAndSubjectIdOrderByIdAsc(subjectType, subjectId);
  }

  /** Closes the still-open tasks the workflow has ended (e.g. an agency withdrawn), saying why. */
  @Transactional
  public int closeOpen(String subjectType, String subjectId, String caseReference, String elementId,
      String candidateGroup, String reason) {
    List<Task> open = matching(subjectType, subjectId, caseReference, elementId, candidateGroup).stream()
        .filter(t -> t.getState() == TaskState.OPEN).toList();
    open.forEach(t -> t.close(reason, Instant.now()));
    return open.size();
  }

  /** Moves the due date of still-open tasks (a deadline extended). */
  @Transactional
  public void reschedule(String subjectType, String subjectId, String caseReference, String elementId,
      String candidateGroup, Instant dueAt) {
    matching(subjectType, subjectId, caseReference, elementId, candidateGroup).stream()
        .filter(t -> t.getState() == TaskState.OPEN).forEach(t -> t.reschedule(dueAt));
  }

  private List<Task> matching(String subjectType, String subjectId, String caseReference, String elementId,
      String candidateGroup) {
    return tasks.findBySubjectTypeAndSubjectIdOrderByIdAsc(subjectType, subjectId).stream()
        .filter(t -> caseReference == null || caseReference.equals(t.getCaseReference()))
        .filter(t -> elementId.equals(t.getElementId()))
        .filter(t -> candidateGroup == null || t.getCandidateGroups().contains(candidateGroup))
        .toList();
  }
}
