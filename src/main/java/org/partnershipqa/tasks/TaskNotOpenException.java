package org.partnershipqa.tasks;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The task was submitted already (a double submit) or is closed. */
@ResponseStatus(HttpStatus.CONFLICT)
public class TaskNotOpenException extends RuntimeException {

  private final TaskState state;

  public TaskNotOpenException(long id, TaskState state) {
    super(switch (state) {
      case SUBMITTED, COMPLETED -> "Task " + id + " has already been submitted";
      default -> "Task " + id + " is closed and takes no more answers";
    });
    this.state = state;
  }

  public TaskState state() {
    return state;
  }
}
