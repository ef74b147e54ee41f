package org.partnershipqa.forms;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Pattern;

/** Number parsing and the value types numbers are stored as. */
final class NumberValues {

  // Plain decimals; no NaN/Infinity or hex, and short enough that a hostile submission cannot make BigDecimal build
  // a huge number. A small exponent is allowed because BigDecimal.toString writes tiny decimals that way, and a
  // stored value shown back in the form must validate again.
  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,2})?");
  private static final int MAX_CHARS = 60;

  private NumberValues() {}

  static Optional<BigDecimal> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s = text.strip();
    if (s.length() > MAX_CHARS || !DECIMAL.matcher(s).matches()) {
      return Optional.empty();
    }
    return Optional.of(new BigDecimal(s));
  }

  /** A JSON number (as Jackson or a caller built it) or a numeric string. */
  static Optional<BigDecimal> fromObject(Object value) {
    return switch (value) {
      case BigDecimal d -> Optional.of(d);
      case BigInteger i -> Optional.of(new BigDecimal(i));
      case Integer i -> Optional.of(BigDecimal.valueOf(i));
      case Long l -> Optional.of(BigDecimal.valueOf(l));
      case Short s -> Optional.of(BigDecimal.valueOf(s));
      case Byte b -> Optional.of(BigDecimal.valueOf(b));
      case Double d when Double.isFinite(d) -> Optional.of(BigDecimal.valueOf(d));
      case Float f when Float.isFinite(f) -> Optional.of(new BigDecimal(f.toString()));
      case String s -> parse(s);
      case null, default -> Optional.empty();
    };
  }

  /**
   * The value stored for a number: Long for whole numbers (so variables read naturally in FEEL and JSON), otherwise
   * BigDecimal; both are written by Jackson as JSON numbers. form-js {@code serializeToString} asks for a String.
   */
  static Object toValue(BigDecimal number, boolean asString) {
    BigDecimal n = number.stripTrailingZeros();
    if (asString) {
      return n.toPlainString();
    }
    if (n.scale() <= 0) {
      BigInteger whole = n.toBigIntegerExact();
      return whole.bitLength() < 64 ? (Object) whole.longValue() : whole;
    }
    return n;
  }

  static String display(BigDecimal number) {
    return number.stripTrailingZeros().toPlainString();
  }
}
