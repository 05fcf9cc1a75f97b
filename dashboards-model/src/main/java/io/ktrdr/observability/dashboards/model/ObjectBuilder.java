package io.ktrdr.observability.dashboards.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.ktrdr.observability.dashboards.internal.Json;
import io.ktrdr.observability.dashboards.internal.Nullable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

  /** {@code list} with {@code element} appended; a new list when {@code list} is null (absent). */
  static <T> List<T> append(@Nullable List<T> list, T element, String name) {
    List<T> result = list == null ? new ArrayList<>() : list;
    result.add(requireNonNull(element, name));
    return result;
  }

  @SuppressWarnings("unchecked")
  final B self() {
    return (B) this;
  }
}
