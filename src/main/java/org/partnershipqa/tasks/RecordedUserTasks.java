package org.partnershipqa.tasks;

import org.partnershipqa.engine.HeldJobKeeper;
import org.springframework.stereotype.Component;

/**
 * A user-task job that an earlier run recorded stays with the inbox across a restart: the task keeps its
 * id and draft, and completing it works while the job is activated. Only user-task jobs activated but never
 * recorded (a crash in between) are handed out again at start-up, to be recorded now.
 */
@Component
class RecordedUserTasks implements HeldJobKeeper {

  private final TaskRepository tasks;

  RecordedUserTasks(TaskRepository tasks) {
    this.tasks = tasks;
  }

  @Override
  public boolean keeps(long jobKey, String jobType) {
    return UserTaskJobWorker.JOB_TYPE.equals(jobType) && tasks.existsByJobKey(jobKey);
  }
}
