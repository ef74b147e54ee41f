package org.partnershipqa.auditround;

import java.util.List;

/** What is recorded about a sampled child: a case reference and non-identifying facts only. */
public record ChildFacts(String caseReference, Integer age, String sex, String ethnicity, String planType,
    List<String> agencies) {}
