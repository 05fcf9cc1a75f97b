package io.ktrdr.observability.dashboards.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.ktrdr.observability.dashboards.internal.Json;
import io.ktrdr.observability.dashboards.internal.Nullable;
import java.util.List;
import java.util.Map;

/**
 * A panel's field config: {@code {"defaults": {...}, "overrides": [...]}}; either is null where the
 * JSON leaves it out.
 */
public record FieldConfig(
    @Nullable FieldDefaults defaults,
    @Nullable List<FieldOverride> overrides,
    Map<String, JsonNode> additionalProperties) {

  public FieldConfig {
    overrides = Json.copyList(overrides, "overrides");
    additionalProperties = Json.copyProperties(additionalProperties);
  }

  /** A field config of {@code defaults} and {@code overrides}. */
  public static FieldConfig of(FieldDefaults defaults, List<FieldOverride> overrides) {
    return new FieldConfig(
        requireNonNull(defaults, "defaults"), requireNonNull(overrides, "overrides"), Map.of());
  }

  @Override
  public Map<String, JsonNode> additionalProperties() {
    return Json.copyProperties(additionalProperties);
  }

  /** The unit of the defaults, or null. */
  @Nullable
  public String unit() {
    return defaults == null ? null : defaults.unit();
  }
}
