package org.partnershipqa.tasks;

/**
 * A person's answers were accepted and stored; the engine must now complete the job. Published in the same
 * transaction as the answers and kept in the event publication registry until the engine confirms.
 */
public record TaskSubmitted(long taskId, long jobKey) {}
