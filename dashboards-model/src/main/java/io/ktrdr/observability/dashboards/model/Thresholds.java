package io.ktrdr.observability.dashboards.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ktrdr.observability.dashboards.internal.Json;
import io.ktrdr.observability.dashboards.internal.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A field's thresholds: a mode ({@value #ABSOLUTE} or {@value #PERCENTAGE}) and steps, the first
 * of which is the base color; {@code steps} is null where the JSON has no list.
 *
 * <pre>{@code Thresholds.absolute("green").step(80, "orange").step(95, "red").build()}</pre>
 */
public record Thresholds(
    @Nullable String mode,
    @Nullable List<ThresholdStep> steps,
    Map<String, JsonNode> additionalProperties) {

  public static final String ABSOLUTE = "absolute";
  public static final String PERCENTAGE = "percentage";

  public Thresholds {
    steps = Json.copyList(steps, "steps");
    additionalProperties = Json.copyProperties(additionalProperties);
  }

  /** Absolute thresholds starting from {@code baseColor}. */
  public static Builder absolute(String baseColor) {
    return new Builder(ABSOLUTE, baseColor);
  }

  /** Percentage thresholds (of min..max) starting from {@code baseColor}. */
  public static Builder percentage(String baseColor) {
    return new Builder(PERCENTAGE, baseColor);
  }

  @Override
  public Map<String, JsonNode> additionalProperties() {
    return Json.copyProperties(additionalProperties);
  }

  /**
   * Grafana's JSON object: {@code {"mode": ..., "steps": [{"color": ..., "value": ...}]}}, the base
   * step with {@code "value": null}; fields the model does not type are kept.
   */
  public ObjectNode toJson() {
    ObjectNode out = Json.object();
    additionalProperties.forEach(out::set);
    if (mode != null) {
      out.put("mode", mode);
    }
    if (steps != null) {
      ArrayNode array = out.putArray("steps");
      for (ThresholdStep step : steps) {
        ObjectNode node = Json.object();
        step.additionalProperties().forEach(node::set);
        if (step.color() != null) {
          node.put("color", step.color());
        }
        if (step.value() != null) {
          node.set("value", Json.number(step.value()));
        } else if (!node.has("value")) {
          node.putNull("value");
        }
        array.add(node);
      }
    }
    return out.deepCopy();
  }

  /** Builds {@link Thresholds}; steps must rise. */
  public static final class Builder {
    private final String mode;
    private final List<ThresholdStep> steps = new ArrayList<>();

    private Builder(String mode, String baseColor) {
      this.mode = mode;
      steps.add(ThresholdStep.base(baseColor));
    }

    /** From {@code value} on, use {@code color}. */
    public Builder step(double value, String color) {
      requireNonNull(color, "color");
      Double previous = steps.get(steps.size() - 1).value();
      if (previous != null && value <= previous) {
        throw new IllegalArgumentException(
            "threshold steps must rise: " + value + " after " + previous);
      }
      steps.add(ThresholdStep.of(value, color));
      return this;
    }

    public Thresholds build() {
      return new Thresholds(mode, steps, Map.of());
    }
  }
}
