/**
 * What this installation is made of and under what terms: the administrators' About page (engine mode, versions,
 * the licence terms of each bundled component) and the third-party licence list generated at build time
 * ({@code META-INF/THIRD-PARTY.txt}, written by license-maven-plugin).
 */
package org.partnershipqa.about;
