package org.partnershipqa.forms;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Server-side validation of task form submissions against the form's own schema. Nothing the client sends is
 * trusted: unknown keys are dropped, readonly and disabled fields are never taken from a submission, option values
 * must be declared options, and every form-js rule is re-checked here.
 */
@Component
public class FormValidator {

  private final Clock clock;

  public FormValidator() {
    this(Clock.systemDefaultZone());
  }

  FormValidator(Clock clock) {
    this.clock = clock;
  }

  /** A browser form post, as rendered by {@code templates/forms/fields.html}. */
  public FormSubmission fromHtml(FormDefinition form, Map<String, List<String>> params) {
    return validate(form, new HtmlAnswers(params));
  }

  /** A JSON API submission (a parsed JSON object). */
  public FormSubmission fromJson(FormDefinition form, Map<String, Object> body) {
    return validate(form, new JsonAnswers(body));
  }

  /** Values to pre-fill a form with: saved answers where present, otherwise the fields' default values. */
  public Map<String, Object> initialValues(FormDefinition form, Map<String, Object> saved) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (FormField field : form.inputs()) {
      Object value = saved == null ? null : saved.get(field.key());
      if (value == null) {
        value = field.defaultValue();
      }
      if (value != null) {
        values.put(field.key(), value);
      }
    }
    return Collections.unmodifiableMap(values);
  }

  /**
   * Values to re-render a rejected submission with: exactly what the user sent for editable fields (so an unticked
   * checkbox stays unticked), saved answers or defaults for readonly and disabled ones.
   */
  public Map<String, Object> redisplayValues(
      FormDefinition form, Map<String, Object> saved, FormSubmission submission) {
    Map<String, Object> values = new LinkedHashMap<>(initialValues(form, saved));
    form.inputs().stream().filter(FormField::isEditable).forEach(f -> values.remove(f.key()));
    values.putAll(submission.raw());
    return Collections.unmodifiableMap(values);
  }

  private FormSubmission validate(FormDefinition form, AnswerReader reader) {
    LocalDate today = LocalDate.now(clock);
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, String> errors = new LinkedHashMap<>();
    Map<String, Object> raw = new LinkedHashMap<>();
    for (FormField field : form.inputs()) {
      if (!field.isEditable()) {
        continue;
      }
      Answer answer = reader.read(field, raw);
      String error = answer.error() != null ? answer.error() : FieldChecks.check(field, answer.value(), today);
      if (error != null) {
        errors.put(field.key(), error);
      } else {
        values.put(field.key(), stored(field, answer.value()));
      }
    }
    return new FormSubmission(values, errors, raw);
  }

  private static Object stored(FormField field, Object value) {
    return switch (value) {
      case BigDecimal number -> NumberValues.toValue(number, field.serializeToString());
      case LocalDate date -> date.toString();
      case null, default -> value;
    };
  }
}
