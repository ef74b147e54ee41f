package org.partnershipqa.forms;

/** How free text is stored. */
final class TextValues {

  private TextValues() {}

  /** Browsers send CRLF line breaks; surrounding whitespace is never meaningful in an answer. */
  static String normalise(String text) {
    return text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n').strip();
  }
}
