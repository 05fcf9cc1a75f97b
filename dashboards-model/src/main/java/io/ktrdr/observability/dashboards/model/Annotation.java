package io.ktrdr.observability.dashboards.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.ktrdr.observability.dashboards.internal.Json;
import io.ktrdr.observability.dashboards.internal.Nullable;
import java.util.LinkedHashMap;
import java.util.Map;

/** An annotation query of a dashboard (events drawn on time series). */
public final class Annotation {

  /** The name of Grafana's built-in annotations. */
  public static final String BUILT_IN_NAME = "Annotations & Alerts";

  @Nullable private final String name;
  @Nullable private final DatasourceRef datasource;
  @Nullable private final Boolean enable;
  @Nullable private final Boolean hide;
  @Nullable private final String iconColor;
  @Nullable private final String type;
  @Nullable private final Integer builtIn;
  @Nullable private final String expr;
  private final Map<String, JsonNode> additionalProperties;

  private Annotation(Builder builder) {
    this.name = builder.name;
    this.datasource = builder.datasource;
    this.enable = builder.enable;
    this.hide = builder.hide;
    this.iconColor = builder.iconColor;
    this.type = builder.type;
    this.builtIn = builder.builtIn;
    this.expr = builder.expr;
    this.additionalProperties = Json.copyProperties(builder.additionalProperties);
  }

  /** Grafana's built-in annotations and alerts, as every new dashboard has them. */
  public static Annotation grafanaBuiltIn() {
    return new Builder()
        .name(BUILT_IN_NAME)
        .datasource(DatasourceRef.grafana())
        .enable(true)
        .hide(true)
        .iconColor("rgba(0, 211, 255, 1)")
        .type("dashboard")
        .builtIn(1)
        .build();
  }

  /** Events from a PromQL expression: a point wherever it returns a value. */
  public static Builder prometheus(String name, DatasourceRef datasource, String expr) {
    return new Builder()
        .name(name)
        .datasource(datasource)
        .expr(expr)
        .enable(true)
        .iconColor("red");
  }

  /** An annotation with nothing set, for exact reading. */
  public static Builder bareBuilder() {
    return new Builder();
  }

  @Nullable
  public String name() {
    return name;
  }

  @Nullable
  public DatasourceRef datasource() {
    return datasource;
  }

  @Nullable
  public Boolean enable() {
    return enable;
  }

  @Nullable
  public Boolean hide() {
    return hide;
  }

  @Nullable
  public String iconColor() {
    return iconColor;
  }

  @Nullable
  public String type() {
    return type;
  }

  @Nullable
  public Integer builtIn() {
    return builtIn;
  }

  /** The PromQL expression of a Prometheus annotation. */
  @Nullable
  public String expr() {
    return expr;
  }

  public Map<String, JsonNode> additionalProperties() {
    return Json.copyProperties(additionalProperties);
  }

  /** Builds an {@link Annotation}. */
  public static final class Builder {
    @Nullable private String name;
    @Nullable private DatasourceRef datasource;
    @Nullable private Boolean enable;
    @Nullable private Boolean hide;
    @Nullable private String iconColor;
    @Nullable private String type;
    @Nullable private Integer builtIn;
    @Nullable private String expr;
    private final Map<String, JsonNode> additionalProperties = new LinkedHashMap<>();

    private Builder() {}

    public Builder name(String name) {
      this.name = requireNonNull(name, "name");
      return this;
    }

    public Builder datasource(DatasourceRef datasource) {
      this.datasource = requireNonNull(datasource, "datasource");
      return this;
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

    public Builder type(String type) {
      this.type = requireNonNull(type, "type");
      return this;
    }

    public Builder builtIn(int builtIn) {
      this.builtIn = builtIn;
      return this;
    }

    public Builder expr(String expr) {
      this.expr = requireNonNull(expr, "expr");
      return this;
    }

    /** Adds a field the model does not type; it is written as given. */
    public Builder additionalProperty(String name, Object value) {
      additionalProperties.put(requireNonNull(name, "name"), Json.toNode(value));
      return this;
    }

    public Builder additionalProperties(Map<String, JsonNode> properties) {
      additionalProperties.putAll(Json.copyProperties(properties));
      return this;
    }

    public Annotation build() {
      return new Annotation(this);
    }
  }
}
