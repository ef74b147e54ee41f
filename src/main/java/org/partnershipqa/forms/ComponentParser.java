package org.partnershipqa.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.partnershipqa.forms.FormField.Constraints;
import org.partnershipqa.forms.FormField.TextFormat;

/**
 * Turns one form-js component into a {@link FormField}. Attributes that change behaviour but cannot be honoured on
 * the server (FEEL expressions, templating, dynamic options, conditional hiding, nested data paths) are rejected
 * with an error naming the component, so a form never silently behaves differently from what its author designed.
 * Purely visual attributes (layout, id, searchable, ...) are ignored.
 */
final class ComponentParser {

  private static final Pattern KEY = Pattern.compile("\\w+");

  private final FormParser form;
  private final JsonNode node;
  private final String path;
  private FieldType type;

  ComponentParser(FormParser form, JsonNode node, String path) {
    this.form = form;
    this.node = node;
    this.path = path;
  }

  FormField parse() {
    JsonNode typeNode = node.get("type");
    if (typeNode == null || !typeNode.isTextual()) {
      throw fail("has no 'type'");
    }
    String typeName = typeNode.asText();
    type =
        FieldType.fromFormJs(typeName)
            .orElseThrow(
                () ->
                    fail("has unsupported type '" + typeName + "' (supported: " + FieldType.supportedList() + ")"));
    rejectDynamicBehaviour();
    return switch (type) {
      case TEXT -> layout(null, text("text", node), List.of());
      case GROUP -> group();
      case SEPARATOR, SPACER -> layout(null, null, List.of());
      default -> input();
    };
  }

  private void rejectDynamicBehaviour() {
    JsonNode hide = node.path("conditional").path("hide");
    boolean hides = !hide.isMissingNode() && !hide.isNull() && !(hide.isBoolean() && !hide.booleanValue());
    if (hides && !(hide.isTextual() && hide.asText().isBlank())) {
      throw fail("is hidden conditionally ('conditional.hide'), which is not supported: the server cannot evaluate it");
    }
    for (String dynamic : List.of("valuesKey", "valuesExpression")) {
      JsonNode n = node.get(dynamic);
      if (n != null && !n.isNull() && !n.asText().isBlank()) {
        throw fail("takes its options from '" + dynamic + "', which is not supported; list the options in 'values'");
      }
    }
  }

  private FormField group() {
    String dataPath = plainText("path", node);
    if (dataPath != null) {
      throw fail("binds its fields under 'path' = '" + dataPath + "', which is not supported; leave the path empty");
    }
    JsonNode components = node.get("components");
    List<FormField> children = List.of();
    if (components != null && !components.isNull()) {
      if (!components.isArray()) {
        throw fail("has 'components' that is not an array");
      }
      children = form.components(components, path + ".components");
    }
    return layout(text("label", node), null, children);
  }

  private FormField layout(String label, String text, List<FormField> children) {
    return new FormField(
        type, null, label, null, null, List.of(), text, children, false, false, Constraints.NONE, null, null, false);
  }

  private FormField input() {
    String key = key();
    String label = type == FieldType.DATE && node.hasNonNull("dateLabel") ? text("dateLabel", node) : text("label", node);
    if (label == null) {
      throw fail("has no label; every question needs one (it is also used in error messages)");
    }
    if (type == FieldType.DATE) {
      String subtype = plainText("subtype", node);
      if (subtype != null && !subtype.equals("date")) {
        throw fail("is a datetime with subtype '" + subtype + "'; only subtype 'date' is supported");
      }
    }
    List<Option> options = type.hasOptions() ? options() : List.of();
    boolean asString = type == FieldType.NUMBER && bool("serializeToString", node);
    JsonNode appearance = adornable() ? node.path("appearance") : MissingNode.getInstance();
    return new FormField(
        type,
        key,
        label,
        text("description", node),
        defaultValue(options, asString),
        options,
        null,
        List.of(),
        bool("readonly", node),
        bool("disabled", node),
        constraints(),
        text("prefixAdorner", appearance),
        text("suffixAdorner", appearance),
        asString);
  }

  private boolean adornable() {
    return type == FieldType.TEXTFIELD || type == FieldType.NUMBER;
  }

  private String key() {
    String key = plainText("key", node);
    if (key == null) {
      throw fail("has no 'key' (the process variable its answer is stored in)");
    }
    if (key.contains(".")) {
      throw fail("has the nested key '" + key + "'; only plain variable names are supported");
    }
    if (!KEY.matcher(key).matches()) {
      throw fail("has the key '" + key + "', which is not a valid variable name (letters, digits, _)");
    }
    if (!form.claimKey(key)) {
      throw fail("reuses the key '" + key + "' of another field");
    }
    return key;
  }

  private List<Option> options() {
    JsonNode values = node.get("values");
    if (values == null || !values.isArray() || values.isEmpty()) {
      throw fail("has no options in 'values'");
    }
    List<Option> options = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (JsonNode v : values) {
      String value = v.path("value").isTextual() ? v.get("value").asText() : null;
      String label = v.path("label").isTextual() ? v.get("label").asText().strip() : null;
      if (value == null || value.isEmpty()) {
        throw fail("has an option without a text 'value'");
      }
      if (label == null || label.isEmpty()) {
        throw fail("has the option '" + value + "' without a 'label'");
      }
      if (!seen.add(value)) {
        throw fail("has the option value '" + value + "' twice");
      }
      options.add(new Option(label, value));
    }
    return options;
  }

  private Constraints constraints() {
    JsonNode v = node.path("validate");
    if (!v.isMissingNode() && !v.isNull() && !v.isObject()) {
      throw fail("has 'validate' that is not an object");
    }
    boolean number = type == FieldType.NUMBER;
    boolean textual = type == FieldType.TEXTFIELD || type == FieldType.TEXTAREA;
    boolean textfield = type == FieldType.TEXTFIELD;
    // form-js only allows each rule on the types below (form-json-schema rules-allowed-properties)
    BigDecimal min = number ? decimal("min", v) : null;
    BigDecimal max = number ? decimal("max", v) : null;
    Integer minLength = textual ? count("minLength", v) : null;
    Integer maxLength = textual ? count("maxLength", v) : null;
    String pattern = textfield ? plainText("pattern", v) : null;
    Integer decimalDigits = number ? count("decimalDigits", node) : null;
    BigDecimal increment = number ? decimal("increment", node) : null;
    if (min != null && max != null && min.compareTo(max) > 0) {
      throw fail("has a minimum " + min + " above its maximum " + max);
    }
    if (minLength != null && maxLength != null && minLength > maxLength) {
      throw fail("has a minLength " + minLength + " above its maxLength " + maxLength);
    }
    if (increment != null && increment.signum() <= 0) {
      throw fail("has an 'increment' that is not positive");
    }
    if (pattern != null) {
      try {
        Pattern.compile(pattern);
      } catch (PatternSyntaxException e) {
        throw fail("has an invalid 'pattern': " + e.getDescription());
      }
    }
    return new Constraints(
        bool("required", v),
        min,
        max,
        minLength,
        maxLength,
        pattern,
        textfield ? text("patternErrorMessage", v) : null,
        textfield ? format(plainText("validationType", v)) : TextFormat.ANY,
        decimalDigits,
        increment,
        type == FieldType.DATE && bool("disallowPassedDates", node));
  }

  private TextFormat format(String validationType) {
    return switch (validationType == null ? "custom" : validationType) {
      case "email" -> TextFormat.EMAIL;
      case "phone" -> TextFormat.PHONE;
      case "custom" -> TextFormat.ANY;
      default -> throw fail("has the unknown validationType '" + validationType + "'");
    };
  }

  private Object defaultValue(List<Option> options, boolean numberAsString) {
    JsonNode d = node.get("defaultValue");
    if (d == null || d.isNull() || (d.isTextual() && d.asText().isEmpty())) {
      return null;
    }
    Set<String> allowed = new HashSet<>(options.stream().map(Option::value).toList());
    return switch (type) {
      case TEXTFIELD, TEXTAREA -> textDefault(d);
      case NUMBER ->
          NumberValues.fromObject(d.isNumber() ? d.decimalValue() : d.isTextual() ? d.asText() : null)
              .map(n -> NumberValues.toValue(n, numberAsString))
              .orElseThrow(() -> fail("has a 'defaultValue' that is not a number"));
      case CHECKBOX -> {
        if (!d.isBoolean()) {
          throw fail("has a 'defaultValue' that is not true or false");
        }
        yield d.booleanValue();
      }
      case SELECT, RADIO -> optionDefault(textDefault(d), allowed);
      case CHECKLIST -> {
        if (!d.isArray()) {
          throw fail("has a 'defaultValue' that is not a list");
        }
        List<String> values = new ArrayList<>();
        d.forEach(item -> values.add(optionDefault(textDefault(item), allowed)));
        yield List.copyOf(values);
      }
      case DATE ->
          DateValues.parseIso(textDefault(d))
              .map(Object::toString)
              .orElseThrow(() -> fail("has a 'defaultValue' that is not a date in the form yyyy-mm-dd"));
      default -> null;
    };
  }

  private String textDefault(JsonNode d) {
    if (!d.isTextual()) {
      throw fail("has a 'defaultValue' that is not text");
    }
    return d.asText();
  }

  private String optionDefault(String value, Set<String> allowed) {
    if (!allowed.contains(value)) {
      throw fail("has the 'defaultValue' '" + value + "', which is not one of its options");
    }
    return value;
  }

  // --- attribute helpers ---

  /** A displayed string: FEEL expressions ("=...") and templating ("{{...}}") cannot be evaluated here. */
  private String text(String name, JsonNode object) {
    String s = plainText(name, object);
    if (s == null) {
      return null;
    }
    if (s.startsWith("=")) {
      throw fail("uses a FEEL expression in '" + name + "', which is not supported (forms are rendered on the server)");
    }
    if (s.contains("{{")) {
      throw fail("uses template syntax {{...}} in '" + name + "', which is not supported");
    }
    return s;
  }

  /** A string attribute taken literally; blank counts as absent. */
  private String plainText(String name, JsonNode object) {
    JsonNode n = object.get(name);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw fail("has '" + name + "' that is not text");
    }
    return n.asText().isBlank() ? null : n.asText();
  }

  private boolean bool(String name, JsonNode object) {
    JsonNode n = object.get(name);
    if (n == null || n.isNull() || (n.isTextual() && n.asText().isBlank())) {
      return false;
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    throw n.isTextual() && n.asText().startsWith("=")
        ? fail("uses a FEEL expression in '" + name + "', which is not supported")
        : fail("has '" + name + "' that is not true or false");
  }

  private BigDecimal decimal(String name, JsonNode object) {
    JsonNode n = object.get(name);
    if (n == null || n.isNull() || (n.isTextual() && n.asText().isBlank())) {
      return null;
    }
    if (n.isNumber()) {
      return n.decimalValue();
    }
    if (n.isTextual() && n.asText().startsWith("=")) {
      throw fail("uses a FEEL expression in '" + name + "', which is not supported");
    }
    Optional<BigDecimal> parsed = n.isTextual() ? NumberValues.parse(n.asText()) : Optional.empty();
    return parsed.orElseThrow(() -> fail("has '" + name + "' that is not a number"));
  }

  private Integer count(String name, JsonNode object) {
    BigDecimal d = decimal(name, object);
    if (d == null) {
      return null;
    }
    if (d.signum() < 0 || d.stripTrailingZeros().scale() > 0 || d.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
      throw fail("has '" + name + "' that is not a whole number of 0 or more");
    }
    return d.intValueExact();
  }

  private FormDefinitionException fail(String problem) {
    return form.error(describe() + " " + problem);
  }

  private String describe() {
    StringBuilder s = new StringBuilder("component");
    if (node.path("key").isTextual()) {
      s.append(" key '").append(node.get("key").asText()).append("'");
    }
    String label = node.path("label").isTextual() ? node.get("label").asText() : node.path("dateLabel").asText("");
    if (!label.isBlank()) {
      s.append(" label \"").append(label).append('"');
    }
    s.append(" (type '").append(node.path("type").asText("?")).append("', ").append(path).append(")");
    return s.toString();
  }
}
