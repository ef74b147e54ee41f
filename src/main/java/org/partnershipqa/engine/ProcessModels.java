package org.partnershipqa.engine;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.Process;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The models and forms this application ships (from {@code bpmn/} and {@code forms/}, packaged in the jar), and
 * lookups into the models such as a user task's name.
 */
@Component
public class ProcessModels {

  static final String MODELS = "classpath*:bpmn/**/*.bpmn";
  static final String FORMS = "classpath*:forms/**/*.form";

  private final List<ModelResource> resources;
  private final Map<String, BpmnModelInstance> byProcessId = new ConcurrentHashMap<>();

  ProcessModels() {
    this.resources = new ArrayList<>();
    resources.addAll(load(MODELS));
    resources.addAll(load(FORMS));
    for (ModelResource resource : resources) {
      if (resource.name().endsWith(".bpmn")) {
        BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(resource.content()));
        model.getModelElementsByType(Process.class).forEach(p -> byProcessId.put(p.getId(), model));
      }
    }
  }

  /** Every resource to deploy, models and forms, in a stable order. */
  public List<ModelResource> resources() {
    return List.copyOf(resources);
  }

  /** The name an element has in the shipped model, e.g. a user task's title. */
  public Optional<String> elementName(String bpmnProcessId, String elementId) {
    BpmnModelInstance model = byProcessId.get(bpmnProcessId);
    if (model == null) {
      return Optional.empty();
    }
    FlowElement element = model.getModelElementById(elementId);
    return Optional.ofNullable(element).map(FlowElement::getName).filter(n -> !n.isBlank());
  }

  /** The name a shipped process model has, e.g. "Themed multi-agency audit round". */
  public Optional<String> processName(String bpmnProcessId) {
    BpmnModelInstance model = byProcessId.get(bpmnProcessId);
    if (model == null) {
      return Optional.empty();
    }
    Process process = model.getModelElementById(bpmnProcessId);
    return Optional.ofNullable(process).map(Process::getName).filter(n -> !n.isBlank());
  }

  private static List<ModelResource> load(String pattern) {
    try {
      Resource[] found = new PathMatchingResourcePatternResolver().getResources(pattern);
      List<ModelResource> list = new ArrayList<>();
      for (Resource r : found) {
        list.add(new ModelResource(r.getFilename(), r.getContentAsByteArray()));
      }
      list.sort(Comparator.comparing(ModelResource::name));
      return list;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + pattern, e);
    }
  }

  /** A deployable resource: its file name (the engine's resource name) and content. */
  public record ModelResource(String name, byte[] content) {}
}
