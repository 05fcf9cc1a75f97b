package io.ktrdr.observability.dashboards.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ktrdr.observability.dashboards.internal.Json;
import io.ktrdr.observability.dashboards.internal.Nullable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A field override: a matcher ({@code {id, options}}) and the properties ({@code [{id, value}]})
 * it sets on the fields it matches. Kept as Grafana's JSON object.
 *
 * <pre>{@code
 * FieldOverride.byName("p95").fixedColor("red").build()
 * FieldOverride.byName("Up")
 *     .mappings(ValueMapping.values().map("1", "UP", "green").map("0", "DOWN", "red").build())
 *     .thresholds(Thresholds.absolute("red").step(1, "green").build())
 *     .colorMode("thresholds")
 *     .cellType("color-background")
 *     .build()
 * }</pre>
 *
 * <p>Properties are written in the order they are set; Grafana applies them in that order.
 */
public final class FieldOverride {

  /** A matcher by field name. */
  public static final String BY_NAME = "byName";
  /** A matcher by field-name regex. */
  public static final String BY_REGEXP = "byRegexp";
  /** A matcher by field type (number, time, string). */
  public static final String BY_TYPE = "byType";
  /** A matcher by the query (refId) the field came from. */
  public static final String BY_FRAME_REF_ID = "byFrameRefID";

  /** One property an override sets. */
  public record Property(String id, JsonNode value) {
    public Property {
      requireNonNull(id, "id");
      value = requireNonNull(value, "value").deepCopy();
    }

    @Override
    public JsonNode value() {
      return value.deepCopy();
    }
  }

  private final ObjectNode node;

  private FieldOverride(ObjectNode node) {
    this.node = node;
  }

  /** An override matching fields with {@code matcherId} and {@code options}. */
  public static Builder matching(String matcherId, Object options) {
    return new Builder(matcherId, options);
  }

  /** An override of the field named {@code fieldName}. */
  public static Builder byName(String fieldName) {
    return matching(BY_NAME, fieldName);
  }

  /** An override of the fields whose names match {@code regex}. */
  public static Builder byRegexp(String regex) {
    return matching(BY_REGEXP, regex);
  }

  /** An override of the fields of query {@code refId}. */
  public static Builder byQuery(String refId) {
    return matching(BY_FRAME_REF_ID, refId);
  }

  /** An override exactly as read from JSON. */
  public static FieldOverride read(ObjectNode node) {
    return new FieldOverride(requireNonNull(node, "node").deepCopy());
  }

  /** The matcher's id, such as {@value #BY_NAME}; null when absent. */
  @Nullable
  public String matcherId() {
    JsonNode id = Json.getPath(node, "matcher.id");
    return id != null && id.isTextual() ? id.textValue() : null;
  }

  /** The matcher's options; null when absent. */
  @Nullable
  public JsonNode matcherOptions() {
    JsonNode options = Json.getPath(node, "matcher.options");
    return options == null ? null : options.deepCopy();
  }

  /** The properties that have an id, in order. */
  public List<Property> properties() {
    List<Property> properties = new ArrayList<>();
    JsonNode array = node.get("properties");
    if (array != null && array.isArray()) {
      for (JsonNode property : array) {
        JsonNode id = property.get("id");
        if (id != null && id.isTextual()) {
          JsonNode value = property.get("value");
          properties.add(new Property(id.textValue(), value == null ? Json.toNode(null) : value));
        }
      }
    }
    return List.copyOf(properties);
  }

  /** The whole JSON object. */
  public ObjectNode toJson() {
    return node.deepCopy();
  }

  /** Builds a {@link FieldOverride}. */
  public static final class Builder {
    private final ObjectNode matcher = Json.object();
    private final ArrayNode properties = Json.array();

    private Builder(String matcherId, Object options) {
      matcher.put("id", requireNonNull(matcherId, "matcherId"));
      matcher.set("options", Json.toNode(requireNonNull(options, "options")));
    }

    /** Sets property {@code id} (such as {@code unit}, {@code custom.lineWidth}) to {@code value}. */
    public Builder property(String id, Object value) {
      ObjectNode property = properties.addObject();
      property.put("id", requireNonNull(id, "id"));
      property.set("value", Json.toNode(requireNonNull(value, "value")));
      return this;
    }

    /** Sets the unit of the matched fields. */
    public Builder unit(String unit) {
      return property("unit", unit);
    }

    /** Sets the display name of the matched fields. */
    public Builder displayName(String displayName) {
      return property("displayName", displayName);
    }

    /** Sets the thresholds of the matched fields (property {@code thresholds}). */
    public Builder thresholds(Thresholds thresholds) {
      return property("thresholds", requireNonNull(thresholds, "thresholds").toJson());
    }

    /** Sets the value mappings of the matched fields (property {@code mappings}), in order. */
    public Builder mappings(ValueMapping... mappings) {
      return mappings(Arrays.asList(requireNonNull(mappings, "mappings")));
    }

    /** Sets the value mappings of the matched fields (property {@code mappings}), in order. */
    public Builder mappings(List<ValueMapping> mappings) {
      return property("mappings", array(mappings, "mapping", ValueMapping::toJson));
    }

    /** Sets the data links of the matched fields' values (property {@code links}), in order. */
    public Builder links(DataLink... links) {
      return links(Arrays.asList(requireNonNull(links, "links")));
    }

    /** Sets the data links of the matched fields' values (property {@code links}), in order. */
    public Builder links(List<DataLink> links) {
      return property("links", array(links, "link", DataLink::toJson));
    }

    /**
     * Sets the color mode of the matched fields, such as {@code thresholds}, {@code
     * palette-classic} or {@code fixed} (property {@code color}).
     */
    public Builder colorMode(String mode) {
      return property("color", Map.of("mode", requireNonNull(mode, "mode")));
    }

    /** Colors the matched fields with one fixed color (property {@code color}). */
    public Builder fixedColor(String color) {
      return property(
          "color", Map.of("mode", "fixed", "fixedColor", requireNonNull(color, "color")));
    }

    /**
     * Sets a custom field option of the panel type (property {@code custom.<name>}), such as
     * {@code lineWidth} or {@code cellOptions}.
     */
    public Builder custom(String name, Object value) {
      return property("custom." + requireNonNull(name, "name"), value);
    }

    /**
     * The table cell type of the matched fields, such as {@code color-background}, {@code
     * color-text} or {@code json-view} (property {@code custom.cellOptions}).
     */
    public Builder cellType(String type) {
      return custom("cellOptions", Map.of("type", requireNonNull(type, "type")));
    }

    private static <T> ArrayNode array(
        List<T> elements, String name, Function<T, ObjectNode> toJson) {
      ArrayNode array = Json.array();
      for (T element : requireNonNull(elements, name + "s")) {
        array.add(toJson.apply(requireNonNull(element, name)));
      }
      return array;
    }

    public FieldOverride build() {
      ObjectNode node = Json.object();
      node.set("matcher", matcher.deepCopy());
      node.set("properties", properties.deepCopy());
      return new FieldOverride(node);
    }
  }
}
