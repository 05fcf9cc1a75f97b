package io.ktrdr.observability.dashboards.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.ktrdr.observability.dashboards.internal.Json;
import io.ktrdr.observability.dashboards.internal.Nullable;
import java.util.Map;

/**
 * An annotation query of a dashboard (events drawn on time series). A null component is a field
 * the JSON leaves out; {@code expr} is the PromQL expression of a Prometheus annotation.
 */
public record Annotation(
    @Nullable String name,
    @Nullable DatasourceRef datasource,
    @Nullable Boolean enable,
    @Nullable Boolean hide,
    @Nullable String iconColor,
    @Nullable String type,
    @Nullable Integer builtIn,
    @Nullable String expr,
    Map<String, JsonNode> additionalProperties) {

  /** The name of Grafana's built-in annotations. */
  public static final String BUILT_IN_NAME = "Annotations & Alerts";

  public Annotation {
    additionalProperties = Json.copyProperties(additionalProperties);
  }

  /** Grafana's built-in annotations and alerts, as every new dashboard has them. */
  public static Annotation grafanaBuiltIn() {
    return new Annotation(
        BUILT_IN_NAME,
        DatasourceRef.grafana(),
        true,
        true,
        "rgba(0, 211, 255, 1)",
        "dashboard",
        1,
        null,
        Map.of());
  }

  /** Events from a PromQL expression: a point wherever it returns a value. */
  public static Builder prometheus(String name, DatasourceRef datasource, String expr) {
    return new Builder(name, datasource, expr);
  }

  @Override
  public Map<String, JsonNode> additionalProperties() {
    return Json.copyProperties(additionalProperties);
  }

  /** Builds a Prometheus {@link Annotation}, enabled and red unless told otherwise. */
  public static final class Builder extends ObjectBuilder<Builder> {
    private final String name;
    private final DatasourceRef datasource;
    private final String expr;
    private boolean enable = true;
    @Nullable private Boolean hide;
    private String iconColor = "red";

    private Builder(String name, DatasourceRef datasource, String expr) {
      this.name = requireNonNull(name, "name");
      this.datasource = requireNonNull(datasource, "datasource");
      this.expr = requireNonNull(expr, "expr");
    }

    public Builder enable(boolean enable) {
      this.enable = enable;
      return this;
    }

    public Builder hide(boolean hide) {
      this.hide = hide;
      return this;
    }

    public Builder iconColor(String iconColor) {
      this.iconColor = requireNonNull(iconColor, "iconColor");
      return this;
    }

    public Annotation build() {
      return new Annotation(
          name, datasource, enable, hide, iconColor, null, null, expr, additionalProperties);
    }
  }
}
