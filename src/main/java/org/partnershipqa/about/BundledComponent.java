package org.partnershipqa.about;

/**
 * One part of the application as shipped, with what its licence allows.
 *
 * @param name what it is, in words
 * @param version its version in this build
 * @param licence the licence it comes under
 * @param allows what that licence allows an installation to do with it
 */
record BundledComponent(String name, String version, String licence, String allows) {}
