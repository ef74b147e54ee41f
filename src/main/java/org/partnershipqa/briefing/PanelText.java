package org.partnershipqa.briefing;

import java.util.ArrayList;
import java.util.List;

/**
 * A panel's text as a page shows it: paragraphs, and runs of lines starting with "- " as bullet lists (the
 * way the drafts and QA leads write lists in a text box).
 */
public record PanelText(int number, String title, String text, List<Block> blocks) {

  public record Block(boolean bullets, List<String> lines) {
    public String text() {
      return String.join("\n", lines);
    }
  }

  static PanelText of(BriefingPanel panel) {
    return new PanelText(panel.number(), panel.title(), panel.text(), blocks(panel.text()));
  }

  static List<PanelText> of(List<BriefingPanel> panels) {
    return panels.stream().map(PanelText::of).toList();
  }

  static List<Block> blocks(String text) {
    List<Block> blocks = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    boolean bullets = false;
    for (String raw : (text == null ? "" : text).split("\\R")) {
      String line = raw.strip();
      boolean bullet = line.startsWith("- ");
      if (line.isEmpty() || (!lines.isEmpty() && bullet != bullets)) {
        flush(blocks, lines, bullets);
      }
      if (!line.isEmpty()) {
        bullets = bullet;
        lines.add(bullet ? line.substring(2).strip() : line);
      }
    }
    flush(blocks, lines, bullets);
    return blocks;
  }

  private static void flush(List<Block> blocks, List<String> lines, boolean bullets) {
    if (!lines.isEmpty()) {
      blocks.add(new Block(bullets, List.copyOf(lines)));
      lines.clear();
    }
  }
}
