package io.ktrdr.observability.dashboards.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ktrdr.observability.dashboards.internal.Json;
import io.ktrdr.observability.dashboards.internal.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The defaults of a panel's field config ({@code fieldConfig.defaults}): unit (Grafana's unit id,
 * such as {@code s}, {@code percentunit}, {@code reqps}), decimals, min, max, thresholds, value
 * mappings, data links, color ({@code {"mode": ...}}) and the panel type's {@code custom} options
 * (line width, fill, cell type, ...). A null component is a field the JSON leaves out.
 */
public record FieldDefaults(
    @Nullable String unit,
    @Nullable Integer decimals,
    @Nullable Double min,
    @Nullable Double max,
    @Nullable String displayName,
    @Nullable String noValue,
    @Nullable Thresholds thresholds,
    @Nullable List<ValueMapping> mappings,
    @Nullable List<DataLink> links,
    @Nullable ObjectNode custom,
    @Nullable ObjectNode color,
    Map<String, JsonNode> additionalProperties) {

  public FieldDefaults {
    if (decimals != null && decimals < 0) {
      throw new IllegalArgumentException("decimals must not be negative: " + decimals);
    }
    mappings = Json.copyList(mappings, "mappings");
    links = Json.copyList(links, "links");
    custom = Json.copy(custom);
    color = Json.copy(color);
    additionalProperties = Json.copyProperties(additionalProperties);
  }

  /** A builder with nothing set. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  @Nullable
  public ObjectNode custom() {
    return Json.copy(custom);
  }

  @Override
  @Nullable
  public ObjectNode color() {
    return Json.copy(color);
  }

  @Override
  public Map<String, JsonNode> additionalProperties() {
    return Json.copyProperties(additionalProperties);
  }

  /** A builder holding every field of these defaults. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.unit = unit;
    builder.decimals = decimals;
    builder.min = min;
    builder.max = max;
    builder.displayName = displayName;
    builder.noValue = noValue;
    builder.thresholds = thresholds;
    builder.mappings = mappings == null ? null : new ArrayList<>(mappings);
    builder.links = links == null ? null : new ArrayList<>(links);
    builder.custom = Json.copy(custom);
    builder.color = Json.copy(color);
    return builder.additionalProperties(additionalProperties);
  }

  /** Builds {@link FieldDefaults}. */
  public static final class Builder extends ObjectBuilder<Builder> {
    @Nullable private String unit;
    @Nullable private Integer decimals;
    @Nullable private Double min;
    @Nullable private Double max;
    @Nullable private String displayName;
    @Nullable private String noValue;
    @Nullable private Thresholds thresholds;
    @Nullable private List<ValueMapping> mappings;
    @Nullable private List<DataLink> links;
    @Nullable private ObjectNode custom;
    @Nullable private ObjectNode color;

    private Builder() {}

    public Builder unit(String unit) {
      this.unit = requireNonNull(unit, "unit");
      return this;
    }

    public Builder decimals(int decimals) {
      if (decimals < 0) {
        throw new IllegalArgumentException("decimals must not be negative: " + decimals);
      }
      this.decimals = decimals;
      return this;
    }

    public Builder min(double min) {
      this.min = min;
      return this;
    }

    public Builder max(double max) {
      this.max = max;
      return this;
    }

    public Builder displayName(String displayName) {
      this.displayName = requireNonNull(displayName, "displayName");
      return this;
    }

    /** The text shown when there is no value, such as {@code 0} or {@code -}. */
    public Builder noValue(String noValue) {
      this.noValue = requireNonNull(noValue, "noValue");
      return this;
    }

    public Builder thresholds(Thresholds thresholds) {
      this.thresholds = requireNonNull(thresholds, "thresholds");
      return this;
    }

    public Builder mapping(ValueMapping mapping) {
      mappings = append(mappings, mapping, "mapping");
      return this;
    }

    /** Replaces the mappings; an empty list is written as {@code []}. */
    public Builder mappings(List<ValueMapping> mappings) {
      this.mappings = new ArrayList<>(requireNonNull(mappings, "mappings"));
      return this;
    }

    public Builder link(DataLink link) {
      links = append(links, link, "link");
      return this;
    }

    /** Replaces the links; an empty list is written as {@code []}. */
    public Builder links(List<DataLink> links) {
      this.links = new ArrayList<>(requireNonNull(links, "links"));
      return this;
    }

    /** Sets a custom field option at a dotted path, such as {@code lineWidth} or {@code cellOptions.type}. */
    public Builder custom(String path, Object value) {
      if (custom == null) {
        custom = Json.object();
      }
      Json.setPath(custom, path, requireNonNull(value, "value"));
      return this;
    }

    /** Replaces the whole custom object. */
    public Builder custom(ObjectNode custom) {
      this.custom = requireNonNull(custom, "custom").deepCopy();
      return this;
    }

    /** Sets the color mode, such as {@code thresholds}, {@code palette-classic} or {@code fixed}. */
    public Builder colorMode(String mode) {
      if (color == null) {
        color = Json.object();
      }
      color.put("mode", requireNonNull(mode, "mode"));
      return this;
    }

    /** A single fixed color. */
    public Builder fixedColor(String fixedColor) {
      colorMode("fixed");
      color.put("fixedColor", requireNonNull(fixedColor, "fixedColor"));
      return this;
    }

    /** Replaces the whole color object. */
    public Builder color(ObjectNode color) {
      this.color = requireNonNull(color, "color").deepCopy();
      return this;
    }

    public FieldDefaults build() {
      return new FieldDefaults(
          unit, decimals, min, max, displayName, noValue, thresholds, mappings, links, custom, color,
          additionalProperties);
    }
  }
}
