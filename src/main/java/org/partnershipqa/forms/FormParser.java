package org.partnershipqa.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads one Camunda form document; component details are left to {@link ComponentParser}. */
final class FormParser {

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  private final String source;
  private final Set<String> keys = new HashSet<>();
  private String formId;

  private FormParser(String source) {
    this.source = source == null ? "(unnamed)" : source;
  }

  static FormDefinition parse(String json, String source) {
    return new FormParser(source).document(json);
  }

  private FormDefinition document(String json) {
    if (json == null || json.isBlank()) {
      throw error("is empty");
    }
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new FormDefinitionException(where() + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw error("must be a JSON object with 'id' and 'components'");
    }
    JsonNode id = root.get("id");
    if (id == null || !id.isTextual() || id.asText().isBlank()) {
      throw error("has no form 'id' (BPMN user tasks refer to forms by this id)");
    }
    formId = id.asText();
    JsonNode components = root.get("components");
    if (components == null || !components.isArray()) {
      throw error("has no 'components' array");
    }
    return new FormDefinition(formId, components(components, "components"), json);
  }

  List<FormField> components(JsonNode array, String path) {
    List<FormField> fields = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      JsonNode node = array.get(i);
      String nodePath = path + "[" + i + "]";
      if (!node.isObject()) {
        throw error(nodePath + " is not a component object");
      }
      fields.add(new ComponentParser(this, node, nodePath).parse());
    }
    return fields;
  }

  /** Records a field key, rejecting duplicates: two fields writing one variable would overwrite each other. */
  boolean claimKey(String key) {
    return keys.add(key);
  }

  FormDefinitionException error(String problem) {
    return new FormDefinitionException(where() + " " + problem);
  }

  private String where() {
    return formId == null ? "Form file " + source : "Form '" + formId + "' (" + source + ")";
  }
}
