package org.partnershipqa.forms;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of checking a submitted form on the server.
 *
 * @param values typed answers of the fields that passed validation, keyed by field key: String, Long/BigDecimal,
 *     Boolean, List&lt;String&gt;, dates as ISO yyyy-MM-dd Strings; an emptied optional field is "" (text) or null,
 *     so saving the values also clears earlier answers. Readonly and disabled fields never appear.
 * @param errors GOV.UK-style error message per field key, in form order
 * @param raw what was sent for each editable field as strings or lists of strings (dates from HTML as
 *     {@code <key>-day}, {@code <key>-month}, {@code <key>-year}), to re-render a rejected form; see
 *     {@link FormValidator#redisplayValues}
 */
public record FormSubmission(Map<String, Object> values, Map<String, String> errors, Map<String, Object> raw) {

  public FormSubmission {
    // LinkedHashMap, not Map.copyOf: values legitimately contain nulls and keep form order
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    raw = Collections.unmodifiableMap(new LinkedHashMap<>(raw));
  }

  public boolean valid() {
    return errors.isEmpty();
  }
}
