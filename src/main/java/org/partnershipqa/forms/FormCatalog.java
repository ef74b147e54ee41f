package org.partnershipqa.forms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * All task forms, loaded once at start-up. A broken form fails start-up (rather than the first user who opens the
 * task), with a message naming the file, form id and component.
 */
@Component
public class FormCatalog {

  public static final String DEFAULT_LOCATIONS = "classpath*:forms/**/*.form";

  private static final Logger log = LoggerFactory.getLogger(FormCatalog.class);

  private final Map<String, FormDefinition> forms;

  /**
   * @param locations resource patterns ({@code partnershipqa.forms.locations}, comma-separated in configuration)
   */
  public FormCatalog(@Value("${partnershipqa.forms.locations:" + DEFAULT_LOCATIONS + "}") String... locations) {
    this.forms = Collections.unmodifiableMap(load(locations));
    log.info("Loaded {} task form(s) from {}: {}", forms.size(), Arrays.toString(locations), forms.keySet());
  }

  /** Parses a form that did not come from the catalog's files, e.g. one generated at runtime. */
  public static FormDefinition parse(String json, String sourceName) {
    return FormParser.parse(json, sourceName);
  }

  public Optional<FormDefinition> find(String formKey) {
    return Optional.ofNullable(formKey).map(forms::get);
  }

  /**
   * @throws UnknownFormException if no form has this id
   */
  public FormDefinition get(String formKey) {
    return find(formKey).orElseThrow(() -> new UnknownFormException(formKey));
  }

  public Collection<FormDefinition> all() {
    return forms.values();
  }

  private static Map<String, FormDefinition> load(String[] locations) {
    ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(FormCatalog.class.getClassLoader());
    // keyed by URL: overlapping patterns must not make one file look like a duplicate of itself
    Map<String, Resource> files = new TreeMap<>();
    for (String location : locations) {
      if (location == null || location.isBlank()) {
        continue;
      }
      try {
        for (Resource r : resolver.getResources(location.strip())) {
          if (r.isReadable()) {
            files.put(r.getURL().toString(), r);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list task forms at " + location, e);
      }
    }
    Map<String, FormDefinition> byId = new LinkedHashMap<>();
    Map<String, String> sourceOf = new LinkedHashMap<>();
    files.forEach(
        (url, resource) -> {
          String name = sourceName(url);
          FormDefinition form = FormParser.parse(read(resource, url), name);
          String earlier = sourceOf.putIfAbsent(form.id(), name);
          if (earlier != null) {
            throw new FormDefinitionException(
                "Duplicate form id '" + form.id() + "' in " + earlier + " and " + name);
          }
          byId.put(form.id(), form);
        });
    return byId;
  }

  private static String read(Resource resource, String url) {
    try {
      return resource.getContentAsString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read task form " + url, e);
    }
  }

  private static String sourceName(String url) {
    // for the app's own forms the path from the classpath folder down is what a developer recognises
    int forms = url.lastIndexOf("/forms/");
    return forms >= 0 ? url.substring(forms + 1) : url;
  }
}
