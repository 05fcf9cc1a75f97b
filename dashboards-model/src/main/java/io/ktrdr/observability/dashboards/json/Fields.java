package io.ktrdr.observability.dashboards.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ktrdr.observability.dashboards.internal.Nullable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.function.Function;

/**
 * The fields of one JSON object being read. Each {@code take} removes a field only when it has the
 * shape the model types; whatever is left (unknown fields, and known fields of another shape) ends
 * up in {@link #rest()} and is written back as it was.
 */
final class Fields {

  private final ObjectNode rest;

  Fields(ObjectNode node) {
    this.rest = node.deepCopy();
  }

  @Nullable
  String text(String name) {
    JsonNode value = rest.get(name);
    if (value != null && value.isTextual()) {
      rest.remove(name);
      return value.textValue();
    }
    return null;
  }

  @Nullable
  Boolean bool(String name) {
    JsonNode value = rest.get(name);
    if (value != null && value.isBoolean()) {
      rest.remove(name);
      return value.booleanValue();
    }
    return null;
  }

  @Nullable
  Integer integer(String name) {
    JsonNode value = rest.get(name);
    if (value != null && value.isInt()) {
      rest.remove(name);
      return value.intValue();
    }
    return null;
  }

  /** A number that survives the trip through a double unchanged. */
  @Nullable
  Double number(String name) {
    JsonNode value = rest.get(name);
    if (value != null && (value.isInt() || value.isDouble())) {
      rest.remove(name);
      return value.doubleValue();
    }
    return null;
  }

  @Nullable
  ObjectNode object(String name) {
    JsonNode value = rest.get(name);
    if (value != null && value.isObject()) {
      rest.remove(name);
      return (ObjectNode) value;
    }
    return null;
  }

  /** The object without taking it. */
  @Nullable
  ObjectNode peekObject(String name) {
    JsonNode value = rest.get(name);
    return value != null && value.isObject() ? (ObjectNode) value : null;
  }

  /** A list of strings, when the field is an array of strings only. */
  @Nullable
  List<String> texts(String name) {
    JsonNode value = rest.get(name);
    if (value == null || !value.isArray()) {
      return null;
    }
    List<String> result = new ArrayList<>();
    for (JsonNode element : value) {
      if (!element.isTextual()) {
        return null;
      }
      result.add(element.textValue());
    }
    rest.remove(name);
    return result;
  }

  /** A list read element by element, when the field is an array of objects only. */
  @Nullable
  <T> List<T> objects(String name, Function<ObjectNode, T> reader) {
    JsonNode value = rest.get(name);
    if (value == null || !value.isArray()) {
      return null;
    }
    for (JsonNode element : value) {
      if (!element.isObject()) {
        return null;
      }
    }
    List<T> result = new ArrayList<>();
    for (JsonNode element : value) {
      result.add(reader.apply((ObjectNode) element));
    }
    rest.remove(name);
    return result;
  }

  /** What was not taken, in the order of the input. */
  Map<String, JsonNode> rest() {
    Map<String, JsonNode> result = new LinkedHashMap<>();
    for (Iterator<Entry<String, JsonNode>> it = rest.fields(); it.hasNext(); ) {
      Entry<String, JsonNode> field = it.next();
      result.put(field.getKey(), field.getValue());
    }
    return result;
  }
}
