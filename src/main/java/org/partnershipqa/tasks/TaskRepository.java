package org.partnershipqa.tasks;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TaskRepository extends JpaRepository<Task, Long> {

  boolean existsByJobKey(long jobKey);

  Optional<Task> findByJobKey(long jobKey);

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select t from Task t where t.id = :id")
  Optional<Task> findByIdForUpdate(@Param("id") long id);

  /** Open and queued tasks routed to any of the given groups. */
  @Query(value = """
      select * from task
       where state in ('OPEN', 'SUBMITTED') and candidate_groups && cast(:groups as text[])
       order by due_at asc nulls last, created_at asc, id asc""", nativeQuery = true)
  List<Task> findOpenForGroups(@Param("groups") String[] groups);

  /** Recently finished tasks routed to any of the given groups. */
  @Query(value = """
      select * from task
       where state in ('COMPLETED', 'CLOSED') and candidate_groups && cast(:groups as text[])
       order by completed_at desc nulls last, id desc limit 50""", nativeQuery = true)
  List<Task> findRecentlyFinishedForGroups(@Param("groups") String[] groups);

  List<Task> findByProcessInstanceKeyOrderByIdAsc(long processInstanceKey);

  List<Task> findBySubjectTypeAndSubjectIdOrderByIdAsc(String subjectType, String subjectId);

  List<Task> findByState(TaskState state);

  /** Id and job key of every task in a state, without loading answers. */
  @Query("select new org.partnershipqa.tasks.TaskRepository$JobRef(t.id, t.jobKey) from Task t where t.state = :state")
  List<JobRef> findJobRefsByState(@Param("state") TaskState state);

  record JobRef(long taskId, long jobKey) {}

  long countByState(TaskState state);

  /** Open tasks (nobody has submitted them) whose due date has passed. One count query. */
  @Query("select count(t) from Task t where t.state = org.partnershipqa.tasks.TaskState.OPEN and t.dueAt < :now")
  long countOverdue(@Param("now") java.time.Instant now);
}
