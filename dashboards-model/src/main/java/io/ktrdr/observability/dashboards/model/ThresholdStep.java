package io.ktrdr.observability.dashboards.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.ktrdr.observability.dashboards.internal.Json;
import io.ktrdr.observability.dashboards.internal.Nullable;
import java.util.Map;

/** One step of {@link Thresholds}: from {@code value} on, use {@code color}; the base has no value. */
public final class ThresholdStep {

  @Nullable private final String color;
  @Nullable private final Double value;
  private final Map<String, JsonNode> additionalProperties;

  private ThresholdStep(
      @Nullable String color, @Nullable Double value, Map<String, JsonNode> additionalProperties) {
    this.color = color;
    this.value = value;
    this.additionalProperties = Json.copyProperties(additionalProperties);
  }

  /** The base step: {@code color} below the first threshold. */
  public static ThresholdStep base(String color) {
    return new ThresholdStep(requireNonNull(color, "color"), null, Map.of());
  }

  /** A step: {@code color} from {@code value} on. */
  public static ThresholdStep of(double value, String color) {
    return new ThresholdStep(requireNonNull(color, "color"), value, Map.of());
  }

  /** A step exactly as read from JSON. */
  public static ThresholdStep read(
      @Nullable String color, @Nullable Double value, Map<String, JsonNode> additionalProperties) {
    return new ThresholdStep(color, value, additionalProperties);
  }

  @Nullable
  public String color() {
    return color;
  }

  /** The lower bound; null for the base step. */
  @Nullable
  public Double value() {
    return value;
  }

  public Map<String, JsonNode> additionalProperties() {
    return Json.copyProperties(additionalProperties);
  }
}
