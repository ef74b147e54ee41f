package org.partnershipqa.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.partnershipqa.forms.FormField.TextBlock;

/** Splits form-js static text (markdown) into blocks we can render as escaped GOV.UK typography. */
final class TextBlocks {

  private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern BULLET = Pattern.compile("^\\s*[*+-]\\s+(.*)$");
  private static final Pattern NUMBER = Pattern.compile("^\\s*\\d+[.)]\\s+(.*)$");

  private TextBlocks() {}

  static List<TextBlock> parse(String text) {
    List<TextBlock> blocks = new ArrayList<>();
    if (text == null) {
      return blocks;
    }
    List<String> paragraph = new ArrayList<>();
    List<String> items = new ArrayList<>();
    String listKind = null;
    for (String line : text.replace("\r\n", "\n").split("\n", -1)) {
      Matcher heading = HEADING.matcher(line);
      Matcher bullet = BULLET.matcher(line);
      Matcher number = NUMBER.matcher(line);
      String itemKind = bullet.matches() ? "bullets" : number.matches() ? "numbers" : null;
      if (line.isBlank() || heading.matches() || itemKind != null) {
        flushParagraph(blocks, paragraph);
      }
      if (line.isBlank() || heading.matches() || (itemKind != null && !itemKind.equals(listKind))) {
        listKind = flushList(blocks, items, listKind);
      }
      if (heading.matches()) {
        blocks.add(new TextBlock("heading", heading.group(1).length(), List.of(heading.group(2))));
      } else if (itemKind != null) {
        listKind = itemKind;
        items.add((bullet.matches() ? bullet : number).group(1).strip());
      } else if (!line.isBlank()) {
        if (listKind != null) {
          // a non-item line right after a list item continues that item, as in markdown
          items.set(items.size() - 1, items.getLast() + " " + line.strip());
        } else {
          paragraph.add(line.strip());
        }
      }
    }
    flushParagraph(blocks, paragraph);
    flushList(blocks, items, listKind);
    return blocks;
  }

  private static void flushParagraph(List<TextBlock> blocks, List<String> paragraph) {
    if (!paragraph.isEmpty()) {
      blocks.add(new TextBlock("paragraph", 0, List.of(String.join(" ", paragraph))));
      paragraph.clear();
    }
  }

  private static String flushList(List<TextBlock> blocks, List<String> items, String kind) {
    if (!items.isEmpty()) {
      blocks.add(new TextBlock(kind, 0, items));
      items.clear();
    }
    return null;
  }
}
