/**
 * Agency requests: "ask one agency for a return by a deadline", the building block every process uses to send work
 * to agencies ({@code bpmn/agency-request.bpmn}, reached through a call activity). The model holds the flow (task,
 * reminder, overdue flag, chase, extend or withdraw); this module runs its automated steps, keeps the date rules in
 * one place ({@link org.partnershipqa.agencyrequest.RequestSchedule}) and tells the process that owns the request
 * what happened through {@link org.partnershipqa.agencyrequest.AgencyRequestOwner}.
 */
package org.partnershipqa.agencyrequest;
