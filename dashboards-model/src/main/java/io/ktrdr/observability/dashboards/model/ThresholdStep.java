package io.ktrdr.observability.dashboards.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.ktrdr.observability.dashboards.internal.Json;
import io.ktrdr.observability.dashboards.internal.Nullable;
import java.util.Map;

/**
 * One step of {@link Thresholds}: from {@code value} on, use {@code color}; the base step has no
 * value.
 */
public record ThresholdStep(
    @Nullable String color, @Nullable Double value, Map<String, JsonNode> additionalProperties) {

  public ThresholdStep {
    additionalProperties = Json.copyProperties(additionalProperties);
  }

  /** The base step: {@code color} below the first threshold. */
  public static ThresholdStep base(String color) {
    return new ThresholdStep(requireNonNull(color, "color"), null, Map.of());
  }

  /** A step: {@code color} from {@code value} on. */
  public static ThresholdStep of(double value, String color) {
    return new ThresholdStep(requireNonNull(color, "color"), value, Map.of());
  }

  @Override
  public Map<String, JsonNode> additionalProperties() {
    return Json.copyProperties(additionalProperties);
  }
}
