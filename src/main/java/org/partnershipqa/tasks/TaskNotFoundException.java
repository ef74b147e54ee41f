package org.partnershipqa.tasks;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such task, or not one of yours: the two are answered alike so ids cannot be probed. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class TaskNotFoundException extends RuntimeException {

  public TaskNotFoundException(long id) {
    super("Task " + id + " was not found among your tasks");
  }
}
