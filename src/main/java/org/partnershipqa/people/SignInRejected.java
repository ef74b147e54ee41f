package org.partnershipqa.people;

/**
 * A sign-in with a password that failed (wrong username or password) or was refused (too many failures). Published
 * for the access log, which people cannot reach without a cycle.
 *
 * @param username the username tried, as typed
 * @param address the client address
 * @param refused true when refused without checking the password
 * @param channel where: the sign-in form, or HTTP Basic on an API path
 */
public record SignInRejected(String username, String address, boolean refused, String channel) {}
