package io.ktrdr.observability.dashboards.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON tree helpers shared by the model, the reader and the writer. Not part of the public API.
 *
 * <p>The model keeps the parts of Grafana's JSON it does not type (panel options, custom field
 * config, unknown fields) as Jackson trees; these helpers copy them on the way in and out so that
 * model objects stay immutable.
 */
public final class Json {

  /** The one mapper of the module; configured once, never changed afterwards. */
  public static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {}

  public static ObjectNode object() {
    return NODES.objectNode();
  }

  public static ArrayNode array() {
    return NODES.arrayNode();
  }

  /** Converts a plain Java value (String, Number, Boolean, List, Map, JsonNode) into a new tree. */
  public static JsonNode toNode(Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof JsonNode) {
      return ((JsonNode) value).deepCopy();
    }
    return MAPPER.valueToTree(value);
  }

  /** A number node that prints whole values without a fraction, as Grafana's JSON does. */
  public static JsonNode number(double value) {
    if (value == Math.rint(value) && !Double.isInfinite(value) && Math.abs(value) < 1e15) {
      long whole = (long) value;
      if (whole == (int) whole) {
        return NODES.numberNode((int) whole);
      }
      return NODES.numberNode(whole);
    }
    return NODES.numberNode(value);
  }

  /**
   * Sets {@code value} at a dotted {@code path} below {@code root}, creating intermediate objects.
   *
   * @throws IllegalArgumentException if a path segment is empty or an intermediate value is not an
   *     object
   */
  public static void setPath(ObjectNode root, String path, Object value) {
    requireNonNull(path, "path");
    setPath(root, List.of(path.split("\\.", -1)), value);
  }

  /**
   * Sets {@code value} at the path of {@code segments} below {@code root}, each segment a whole
   * key (dots included), creating intermediate objects.
   *
   * @throws IllegalArgumentException if the path or a segment is empty or an intermediate value is
   *     not an object
   */
  public static void setPath(ObjectNode root, List<String> segments, Object value) {
    requireNonNull(root, "root");
    requireNonNull(segments, "segments");
    String path = String.join(".", segments);
    if (segments.isEmpty()) {
      throw new IllegalArgumentException("empty path");
    }
    ObjectNode current = root;
    for (int i = 0; i < segments.size(); i++) {
      String segment = requireNonNull(segments.get(i), "segment");
      if (segment.isEmpty()) {
        throw new IllegalArgumentException("empty segment in path: " + path);
      }
      if (i == segments.size() - 1) {
        current.set(segment, toNode(value));
        return;
      }
      JsonNode next = current.get(segment);
      if (next == null || next.isNull()) {
        current = current.putObject(segment);
      } else if (next.isObject()) {
        current = (ObjectNode) next;
      } else {
        throw new IllegalArgumentException(
            "path " + path + " crosses a non-object value at " + segment);
      }
    }
  }

  /** Reads the value at a dotted path, or null when any segment is missing. */
  public static JsonNode getPath(JsonNode root, String path) {
    JsonNode current = root;
    for (String segment : path.split("\\.")) {
      if (current == null || !current.isObject()) {
        return null;
      }
      current = current.get(segment);
    }
    return current;
  }

  /** An unmodifiable copy of a property map whose values are deep copies. */
  public static Map<String, JsonNode> copyProperties(Map<String, JsonNode> properties) {
    requireNonNull(properties, "properties");
    Map<String, JsonNode> copy = new LinkedHashMap<>();
    properties.forEach(
        (name, value) ->
            copy.put(requireNonNull(name, "property name"), requireNonNull(value, name).deepCopy()));
    return Collections.unmodifiableMap(copy);
  }

  /** Returns a deep copy of an object node, or null for null. */
  public static ObjectNode copy(ObjectNode node) {
    return node == null ? null : node.deepCopy();
  }

  /** The list, or an empty one for null ("absent from the JSON"), for reading through. */
  public static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  /** An unmodifiable copy of a list, or null for null (null means "absent from the JSON"). */
  public static <T> List<T> copyList(List<T> list, String name) {
    if (list == null) {
      return null;
    }
    for (T element : list) {
      requireNonNull(element, name + " element");
    }
    return List.copyOf(list);
  }
}
