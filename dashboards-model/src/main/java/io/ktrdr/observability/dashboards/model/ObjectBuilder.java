package io.ktrdr.observability.dashboards.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.ktrdr.observability.dashboards.internal.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the model's builders share: the fields of Grafana's JSON object that the model does not
 * type, written back as given.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class ObjectBuilder<B extends ObjectBuilder<B>> {

  final Map<String, JsonNode> additionalProperties = new LinkedHashMap<>();

  ObjectBuilder() {}

  /** Adds a field the model does not type; it is written as given. */
  public B additionalProperty(String name, Object value) {
    additionalProperties.put(requireNonNull(name, "name"), Json.toNode(value));
    return self();
  }

  /** Adds fields the model does not type; they are written as given. */
  public B additionalProperties(Map<String, JsonNode> properties) {
    additionalProperties.putAll(Json.copyProperties(properties));
    return self();
  }

  @SuppressWarnings("unchecked")
  final B self() {
    return (B) this;
  }
}
