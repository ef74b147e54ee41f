package org.partnershipqa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * No template carries code the Content-Security-Policy would refuse: no inline script, no event handler attribute,
 * no inline style (attribute or element), no javascript: link. Scripts and styles are served files.
 */
class TemplatesWithoutInlineCodeTest {

  private static final Path TEMPLATES = Path.of("src/main/resources/templates");

  @Test
  void noTemplateCarriesInlineScriptHandlersOrStyles() throws IOException {
    List<String> offences = new ArrayList<>();
    List<Path> templates;
    try (Stream<Path> files = Files.walk(TEMPLATES)) {
      templates = files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
    }
    assertThat(templates).hasSizeGreaterThan(20);
    for (Path template : templates) {
      Document page = Jsoup.parse(Files.readString(template), "", Parser.xmlParser());
      for (Element e : page.getAllElements()) {
        String where = TEMPLATES.relativize(template) + ": <" + e.tagName() + ">";
        if (e.tagName().equals("script") && (!e.data().isBlank() || !(e.hasAttr("src") || e.hasAttr("th:src")))) {
          offences.add(where + " inline script");
        }
        if (e.tagName().equals("style")) {
          offences.add(where + " inline style element");
        }
        for (Attribute a : e.attributes()) {
          String name = a.getKey().toLowerCase().replaceFirst("^(th|data-th):", "");
          if (name.startsWith("on")) {
            offences.add(where + " event handler " + a.getKey());
          } else if (name.equals("style") || name.equals("styleappend")) {
            offences.add(where + " style attribute " + a.getKey());
          } else if ((name.equals("href") || name.equals("src") || name.equals("action"))
              && a.getValue().trim().toLowerCase().startsWith("javascript:")) {
            offences.add(where + " javascript: URL");
          }
        }
      }
    }
    assertThat(offences).as("templates must not carry what the Content-Security-Policy refuses").isEmpty();
  }
}
