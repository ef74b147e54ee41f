package org.partnershipqa.forms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** Test support: renders the fields fragments the way the app does, without a Spring context. */
final class FormRendering {

  private static final SpringTemplateEngine ENGINE = engine();

  private FormRendering() {}

  static Document render(FormDefinition form, Map<String, ?> values, Map<String, String> errors) {
    Context context = new Context(Locale.UK);
    context.setVariable("form", form);
    context.setVariable("values", values);
    context.setVariable("errors", errors);
    return Jsoup.parse(ENGINE.process("forms-test/page", context));
  }

  static FormDefinition fixture(String name) {
    String path = "forms-fixtures/" + name;
    try (InputStream in = FormRendering.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("No fixture " + path);
      }
      return FormCatalog.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A form around the given component JSON objects. */
  static String formJson(String id, String... components) {
    return "{\"id\":\"" + id + "\",\"type\":\"default\",\"schemaVersion\":19,\"components\":["
        + String.join(",", components) + "]}";
  }

  private static SpringTemplateEngine engine() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    return engine;
  }
}
