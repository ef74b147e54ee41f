package org.partnershipqa.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decodes a JSON API submission: checkbox as boolean, checklist as an array of option values, date as "yyyy-MM-dd",
 * number as a JSON number or numeric string. A value of the wrong JSON type is an error for that field, never coerced.
 */
final class JsonAnswers implements AnswerReader {

  private final Map<String, Object> body;

  JsonAnswers(Map<String, Object> body) {
    this.body = body == null ? Map.of() : body;
  }

  @Override
  public Answer read(FormField field, Map<String, Object> raw) {
    Object sent = body.get(field.key());
    rawForm(sent).ifPresent(r -> raw.put(field.key(), r));
    return switch (field.type()) {
      case TEXTFIELD, TEXTAREA ->
          sent == null || sent instanceof String
              ? Answer.of(TextValues.normalise((String) sent))
              : Answer.invalid(Messages.must(field, "be text"));
      case NUMBER -> {
        if (sent == null || (sent instanceof String s && s.isBlank())) {
          yield Answer.of(null);
        }
        yield NumberValues.fromObject(sent).map(Answer::of).orElseGet(() -> Answer.invalid(Messages.notNumber(field)));
      }
      case CHECKBOX ->
          sent == null || sent instanceof Boolean
              ? Answer.of(Boolean.TRUE.equals(sent))
              : Answer.invalid(Messages.must(field, "be true or false"));
      case CHECKLIST -> checklist(field, sent);
      case DATE -> date(field, sent);
      default ->
          sent == null || sent instanceof String
              ? Answer.of(sent == null || ((String) sent).isEmpty() ? null : sent)
              : Answer.invalid(Messages.invalidOption(field));
    };
  }

  private static Answer checklist(FormField field, Object sent) {
    if (sent == null) {
      return Answer.of(List.of());
    }
    if (!(sent instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
      return Answer.invalid(Messages.must(field, "be a list of option values"));
    }
    return Answer.of(list.stream().map(String.class::cast).distinct().toList());
  }

  private static Answer date(FormField field, Object sent) {
    if (sent == null || "".equals(sent)) {
      return Answer.of(null);
    }
    if (!(sent instanceof String s) || !s.matches("\\d{4}-\\d{2}-\\d{2}")) {
      return Answer.invalid(Messages.must(field, "be a date in the format yyyy-mm-dd"));
    }
    return DateValues.parseIso(s).map(Answer::of).orElseGet(() -> Answer.invalid(Messages.realDate(field)));
  }

  /** What the client sent, as strings, the form the fields fragment re-renders. */
  private static Optional<Object> rawForm(Object sent) {
    return switch (sent) {
      case null -> Optional.empty();
      case String s -> Optional.of(s);
      case Boolean b -> Optional.of(b.toString());
      case Number n -> NumberValues.fromObject(n).map(d -> (Object) NumberValues.display(d)).or(() -> Optional.of(n.toString()));
      case List<?> list -> {
        List<String> strings = new ArrayList<>();
        list.forEach(item -> strings.add(String.valueOf(item)));
        yield Optional.of(List.copyOf(strings));
      }
      default -> Optional.empty();
    };
  }
}
