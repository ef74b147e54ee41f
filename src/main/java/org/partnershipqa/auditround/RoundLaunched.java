package org.partnershipqa.auditround;

/** A round was saved; the workflow must be started for it (kept in the event publication registry until it is). */
public record RoundLaunched(long roundId) {}
