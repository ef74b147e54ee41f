package org.partnershipqa.briefing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One panel of two versions side by side: unchanged, or changed with the old and the new text. */
public record PanelComparison(int number, String title, String oldText, String newText) {

  public boolean changed() {
    return !oldText.equals(newText);
  }

  static List<PanelComparison> of(BriefingVersion older, BriefingVersion newer) {
    Map<Integer, BriefingPanel> before = byNumber(older);
    Map<Integer, BriefingPanel> after = byNumber(newer);
    TreeMap<Integer, String> titles = new TreeMap<>();
    before.forEach((n, p) -> titles.put(n, p.title()));
    after.forEach((n, p) -> titles.put(n, p.title()));
    List<PanelComparison> panels = new ArrayList<>();
    titles.forEach((n, title) -> panels.add(new PanelComparison(n, title, text(before.get(n)), text(after.get(n)))));
    return panels;
  }

  private static Map<Integer, BriefingPanel> byNumber(BriefingVersion version) {
    Map<Integer, BriefingPanel> panels = new TreeMap<>();
    version.getPanels().forEach(p -> panels.put(p.number(), p));
    return panels;
  }

  private static String text(BriefingPanel panel) {
    return panel == null || panel.text() == null ? "" : panel.text();
  }
}
