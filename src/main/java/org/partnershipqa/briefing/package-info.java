/**
 * Briefings and sign-off: the 7-minute briefing of any process (an audit round today, a rapid review next).
 * A briefing belongs to a subject (type and id); its panels are drafted from facts the process hands over,
 * following a panel template kept as data; every edit is a new version; the PQA sub-group's decisions are kept
 * with it; the approved version is published and stays as it is.
 *
 * <p>API: {@link org.partnershipqa.briefing.Briefings} (facade), the events
 * {@link org.partnershipqa.briefing.BriefingDecided} and {@link org.partnershipqa.briefing.BriefingSignOffRequested},
 * the job workers {@code briefing.record-decision} and {@code briefing.publish}, and
 * {@link org.partnershipqa.briefing.BriefingSubjectLinks} for a process module to link its subject's page.
 */
package org.partnershipqa.briefing;
