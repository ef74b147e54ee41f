package org.partnershipqa.forms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One component of a form, in document order. Layout components ({@link FieldType#GROUP}, {@link FieldType#TEXT},
 * separators, spacers) have no key; groups carry their components in {@link #children()}.
 *
 * @param label the form-js {@code label} (for dates, {@code dateLabel})
 * @param defaultValue already typed: String, Boolean, Long/BigDecimal (or String when {@code serializeToString}),
 *     List&lt;String&gt; for checklists, ISO date String for dates
 * @param readonly shown but not editable; the server never takes a value for it from a submission
 * @param disabled as readonly, and form-js skips its validation too
 * @param prefix form-js {@code appearance.prefixAdorner}, shown before a text or number input
 * @param suffix form-js {@code appearance.suffixAdorner}
 * @param serializeToString number fields only: submit the number as a String (form-js {@code serializeToString})
 */
public record FormField(
    FieldType type,
    String key,
    String label,
    String description,
    Object defaultValue,
    List<Option> options,
    String text,
    List<FormField> children,
    boolean readonly,
    boolean disabled,
    Constraints constraints,
    String prefix,
    String suffix,
    boolean serializeToString) {

  public FormField {
    options = List.copyOf(options);
    children = List.copyOf(children);
  }

  /**
   * form-js {@code validate} settings, reduced to what applies to the field's type.
   *
   * @param pattern a regular expression that must be found in the value (JavaScript {@code RegExp.test} semantics)
   * @param patternMessage form-js {@code patternErrorMessage}
   * @param decimalDigits number fields: maximum digits after the decimal point (0 = whole numbers)
   * @param increment number fields: the value must be a multiple of this
   * @param noPastDates date fields: form-js {@code disallowPassedDates}
   */
  public record Constraints(
      boolean required,
      BigDecimal min,
      BigDecimal max,
      Integer minLength,
      Integer maxLength,
      String pattern,
      String patternMessage,
      TextFormat format,
      Integer decimalDigits,
      BigDecimal increment,
      boolean noPastDates) {

    public static final Constraints NONE =
        new Constraints(false, null, null, null, null, null, null, TextFormat.ANY, null, null, false);
  }

  /** form-js {@code validate.validationType} for text fields. */
  public enum TextFormat {
    ANY,
    EMAIL,
    PHONE
  }

  public boolean isInput() {
    return type.isInput();
  }

  /** Whether a submission may set this field's value. */
  public boolean isEditable() {
    return isInput() && !readonly && !disabled;
  }

  public boolean required() {
    return constraints.required();
  }

  public BigDecimal min() {
    return constraints.min();
  }

  public BigDecimal max() {
    return constraints.max();
  }

  public Integer minLength() {
    return constraints.minLength();
  }

  public Integer maxLength() {
    return constraints.maxLength();
  }

  public String pattern() {
    return constraints.pattern();
  }

  /**
   * The label as the question shows it: "(optional)" after a question that needs no answer (the GOV.UK way: mark
   * the optional questions, not the required ones). A single checkbox is a choice in itself and is not marked.
   */
  public String question() {
    boolean optional = isEditable() && !required() && type != FieldType.CHECKBOX;
    return label == null || !optional ? label : label + " (optional)";
  }

  /**
   * The hint of a date question: its description, then an example in the GOV.UK style, in the future when only
   * today or later is allowed (a deadline) and in the past otherwise.
   */
  public String dateHint() {
    String example = "For example, 27 3 " + (constraints.noPastDates() ? LocalDate.now().getYear() + 1 : 2007);
    if (description == null || description.isBlank()) {
      return example;
    }
    String text = description.strip();
    if (text.toLowerCase(Locale.ROOT).contains("for example")) {
      return text; // the form gives its own example
    }
    return text + (text.matches(".*[.!?]$") ? " " : ". ") + example;
  }

  /**
   * An answer as people read it: an option's label rather than its value ("Requires improvement", not
   * {@code requires-improvement}), Yes or No for a checkbox, a date in words; {@code null} when there is none.
   */
  public String display(Object value) {
    if (value == null || "".equals(value)) {
      return null;
    }
    if (value instanceof Collection<?> values) {
      String labels = values.stream().map(this::display).filter(Objects::nonNull).collect(Collectors.joining(", "));
      return labels.isEmpty() ? null : labels;
    }
    String text = value.toString();
    if (type == FieldType.CHECKBOX) {
      return Boolean.parseBoolean(text) ? "Yes" : "No";
    }
    if (type == FieldType.DATE) {
      try {
        return LocalDate.parse(text).format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));
      } catch (DateTimeParseException e) {
        return text;
      }
    }
    return options.stream().filter(o -> o.value().equals(text)).map(Option::label).findFirst().orElse(text);
  }

  /** This field followed by all fields nested in it, depth first. */
  public Stream<FormField> flatten() {
    return Stream.concat(Stream.of(this), children.stream().flatMap(FormField::flatten));
  }

  /** Static text split into headings, paragraphs and lists for rendering (empty for other types). */
  public List<TextBlock> textBlocks() {
    return type == FieldType.TEXT ? TextBlocks.parse(text) : List.of();
  }

  /**
   * A block of static text. Only a markdown subset is recognised (headings, bullet and numbered lists, paragraphs);
   * inline markup stays literal because everything is rendered as escaped text.
   *
   * @param kind {@code heading}, {@code paragraph}, {@code bullets} or {@code numbers}
   * @param level heading level 1-6, 0 otherwise
   * @param lines the paragraph/heading text as one element, or one element per list item
   */
  public record TextBlock(String kind, int level, List<String> lines) {
    public TextBlock {
      lines = List.copyOf(lines);
    }

    /** The paragraph or heading text. */
    public String content() {
      return String.join(" ", lines);
    }
  }
}
