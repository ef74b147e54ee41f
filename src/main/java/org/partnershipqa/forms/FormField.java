package org.partnershipqa.forms;

import java.math.BigDecimal;
import java.util.List;
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
