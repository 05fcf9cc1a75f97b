package io.ktrdr.observability.dashboards.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.ktrdr.observability.dashboards.internal.Json;
import io.ktrdr.observability.dashboards.internal.Nullable;
import java.util.List;
import java.util.Map;

/** A panel's field config: {@code {"defaults": {...}, "overrides": [...]}}. */
public final class FieldConfig {

  @Nullable private final FieldDefaults defaults;
  @Nullable private final List<FieldOverride> overrides;
  private final Map<String, JsonNode> additionalProperties;

  private FieldConfig(
      @Nullable FieldDefaults defaults,
      @Nullable List<FieldOverride> overrides,
      Map<String, JsonNode> additionalProperties) {
    this.defaults = defaults;
    this.overrides = Json.copyList(overrides, "overrides");
    this.additionalProperties = Json.copyProperties(additionalProperties);
  }

  /** A field config of {@code defaults} and {@code overrides}. */
  public static FieldConfig of(FieldDefaults defaults, List<FieldOverride> overrides) {
    return new FieldConfig(
        requireNonNull(defaults, "defaults"), requireNonNull(overrides, "overrides"), Map.of());
  }

  /** A field config exactly as read from JSON. */
  public static FieldConfig read(
      @Nullable FieldDefaults defaults,
      @Nullable List<FieldOverride> overrides,
      Map<String, JsonNode> additionalProperties) {
    return new FieldConfig(defaults, overrides, additionalProperties);
  }

  /** The defaults; null when absent. */
  @Nullable
  public FieldDefaults defaults() {
    return defaults;
  }

  /** The overrides; empty when absent. */
  public List<FieldOverride> overrides() {
    return overrides == null ? List.of() : overrides;
  }

  /** Whether the JSON has an {@code overrides} list. */
  public boolean hasOverrides() {
    return overrides != null;
  }

  public Map<String, JsonNode> additionalProperties() {
    return Json.copyProperties(additionalProperties);
  }

  /** The unit of the defaults, or null. */
  @Nullable
  public String unit() {
    return defaults == null ? null : defaults.unit();
  }
}
