package org.partnershipqa.forms;

/**
 * One field's submitted answer after decoding the wire format, before the form's rules are checked: either a value
 * of the field's Java type (String, BigDecimal, Boolean, List&lt;String&gt;, LocalDate; null when empty) or the
 * reason it could not be decoded.
 */
record Answer(Object value, String error) {

  static Answer of(Object value) {
    return new Answer(value, null);
  }

  static Answer invalid(String error) {
    return new Answer(null, error);
  }
}
