package io.ktrdr.observability.dashboards.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ktrdr.observability.dashboards.internal.Json;
import io.ktrdr.observability.dashboards.internal.Nullable;

/**
 * A value mapping of a field: values, ranges, special values or a regex mapped to a display text
 * and color. Kept as Grafana's JSON object: {@code {"type": ..., "options": ...}}.
 *
 * <pre>{@code
 * ValueMapping.values().map("0", "Down", "red").map("1", "Up", "green").build()
 * ValueMapping.range(0, 0.5, "Degraded", "orange")
 * ValueMapping.special(ValueMapping.Special.NULL, "No data", "gray")
 * }</pre>
 */
public final class ValueMapping {

  /** The special values Grafana can match. */
  public enum Special {
    NULL("null"),
    NAN("nan"),
    NULL_AND_NAN("null+nan"),
    TRUE("true"),
    FALSE("false"),
    EMPTY("empty");

    private final String json;

    Special(String json) {
      this.json = json;
    }

    public String json() {
      return json;
    }
  }

  private final ObjectNode node;

  private ValueMapping(ObjectNode node) {
    this.node = node;
  }

  /** Starts a mapping of exact values. */
  public static ValuesBuilder values() {
    return new ValuesBuilder();
  }

  /** Maps one exact value; {@code color} may be null for text only. */
  public static ValueMapping value(String value, String text, @Nullable String color) {
    return values().map(value, text, color).build();
  }

  /** Maps values in {@code [from, to]}; {@code color} may be null for text only. */
  public static ValueMapping range(double from, double to, String text, @Nullable String color) {
    if (from > to) {
      throw new IllegalArgumentException("range from " + from + " is above to " + to);
    }
    ObjectNode node = Json.object();
    node.put("type", "range");
    ObjectNode options = node.putObject("options");
    options.set("from", Json.number(from));
    options.set("to", Json.number(to));
    options.set("result", result(text, color));
    return new ValueMapping(node);
  }

  /** Maps a special value (null, NaN, true, false, empty). */
  public static ValueMapping special(Special match, String text, @Nullable String color) {
    requireNonNull(match, "match");
    ObjectNode node = Json.object();
    node.put("type", "special");
    ObjectNode options = node.putObject("options");
    options.put("match", match.json());
    options.set("result", result(text, color));
    return new ValueMapping(node);
  }

  /** Maps values matching a regex. */
  public static ValueMapping regex(String pattern, String text, @Nullable String color) {
    requireNonNull(pattern, "pattern");
    ObjectNode node = Json.object();
    node.put("type", "regex");
    ObjectNode options = node.putObject("options");
    options.put("pattern", pattern);
    options.set("result", result(text, color));
    return new ValueMapping(node);
  }

  /** A mapping exactly as read from JSON. */
  public static ValueMapping read(ObjectNode node) {
    return new ValueMapping(requireNonNull(node, "node").deepCopy());
  }

  /** {@code value}, {@code range}, {@code special} or {@code regex}; null when absent. */
  @Nullable
  public String type() {
    JsonNode type = node.get("type");
    return type != null && type.isTextual() ? type.textValue() : null;
  }

  /** The mapping's options as Grafana writes them. */
  public JsonNode options() {
    JsonNode options = node.get("options");
    return options == null ? Json.object() : options.deepCopy();
  }

  /** The whole JSON object. */
  public ObjectNode toJson() {
    return node.deepCopy();
  }

  private static ObjectNode result(String text, @Nullable String color) {
    requireNonNull(text, "text");
    ObjectNode result = Json.object();
    result.put("text", text);
    if (color != null) {
      result.put("color", color);
    }
    return result;
  }

  /** Builds a mapping of exact values. */
  public static final class ValuesBuilder {
    private final ObjectNode options = Json.object();

    private ValuesBuilder() {}

    /** Shows {@code value} as {@code text} in {@code color} (null for text only). */
    public ValuesBuilder map(String value, String text, @Nullable String color) {
      requireNonNull(value, "value");
      if (options.has(value)) {
        throw new IllegalArgumentException("value mapped twice: " + value);
      }
      ObjectNode result = result(text, color);
      result.put("index", options.size());
      options.set(value, result);
      return this;
    }

    public ValueMapping build() {
      if (options.isEmpty()) {
        throw new IllegalStateException("value mapping has no values");
      }
      ObjectNode node = Json.object();
      node.put("type", "value");
      node.set("options", options.deepCopy());
      return new ValueMapping(node);
    }
  }
}
