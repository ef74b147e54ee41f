package org.partnershipqa.forms;

import java.util.Map;

/** Decodes one field from a submission in a particular wire format (HTML form post or JSON). */
interface AnswerReader {

  /** Decodes the field's answer, recording what the client sent for it in {@code raw}. */
  Answer read(FormField field, Map<String, Object> raw);
}
