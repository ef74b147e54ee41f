package org.partnershipqa.concern;

/** A concern was saved; its workflow must start (kept in the event publication registry until it does). */
public record ConcernRaised(long concernId) {}
