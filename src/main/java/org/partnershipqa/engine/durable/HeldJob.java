package org.partnershipqa.engine.durable;

/** A job the engine has handed to a worker and not yet seen completed, failed or timed out. */
public record HeldJob(long key, String type, long deadline, int retries) {}
