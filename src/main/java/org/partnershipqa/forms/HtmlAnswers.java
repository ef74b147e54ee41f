package org.partnershipqa.forms;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Decodes an HTML form post as the fields fragment renders it: one parameter per field named by its key, a checkbox
 * sends "true" when ticked, a checklist repeats its parameter, a date sends {@code <key>-day/-month/-year}.
 */
final class HtmlAnswers implements AnswerReader {

  private final Map<String, List<String>> params;

  HtmlAnswers(Map<String, List<String>> params) {
    this.params = params == null ? Map.of() : params;
  }

  @Override
  public Answer read(FormField field, Map<String, Object> raw) {
    String key = field.key();
    return switch (field.type()) {
      case CHECKLIST -> {
        // a repeated value or an empty placeholder parameter must not count as an answer
        List<String> chosen = new ArrayList<>(new LinkedHashSet<>(all(key)));
        chosen.removeIf(String::isEmpty);
        raw.put(key, List.copyOf(chosen));
        yield Answer.of(List.copyOf(chosen));
      }
      case CHECKBOX -> {
        String sent = first(key, raw);
        yield sent == null ? Answer.of(false) : "true".equals(sent) ? Answer.of(true) : Answer.invalid(Messages.invalidOption(field));
      }
      case DATE ->
          DateInput.read(field, first(key + "-day", raw), first(key + "-month", raw), first(key + "-year", raw));
      case NUMBER -> {
        String sent = first(key, raw);
        if (sent == null || sent.isBlank()) {
          yield Answer.of(null);
        }
        yield NumberValues.parse(sent).map(Answer::of).orElseGet(() -> Answer.invalid(Messages.notNumber(field)));
      }
      case TEXTFIELD, TEXTAREA -> Answer.of(TextValues.normalise(first(key, raw)));
      default -> {
        String sent = first(key, raw);
        yield Answer.of(sent == null || sent.isEmpty() ? null : sent);
      }
    };
  }

  private List<String> all(String name) {
    List<String> values = params.get(name);
    return values == null ? List.of() : values.stream().filter(v -> v != null).toList();
  }

  /** The first value sent under the name (a browser sends one; extra copies are ignored), kept in raw. */
  private String first(String name, Map<String, Object> raw) {
    List<String> values = all(name);
    if (values.isEmpty()) {
      return null;
    }
    raw.put(name, values.getFirst());
    return values.getFirst();
  }
}
