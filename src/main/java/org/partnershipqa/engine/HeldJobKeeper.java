package org.partnershipqa.engine;

/**
 * Lets a feature keep a job that an earlier run of the application activated: {@link HeldJobRelease}
 * hands every other such job out again at start-up.
 */
public interface HeldJobKeeper {

  /** @return true when this feature still has the job in hand (e.g. recorded it as an open task) */
  boolean keeps(long jobKey, String jobType);
}
