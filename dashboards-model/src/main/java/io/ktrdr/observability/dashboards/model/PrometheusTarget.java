package io.ktrdr.observability.dashboards.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.ktrdr.observability.dashboards.internal.Json;
import io.ktrdr.observability.dashboards.internal.Nullable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A PromQL query of a panel.
 *
 * <p>{@link #builder(String)} starts a range query ({@code range: true, instant: false}) with
 * exemplars off; {@link #bareBuilder(String)} starts with nothing set, for exact reading.
 */
public final class PrometheusTarget implements Target {

  /** The result format Grafana asks Prometheus for. */
  public enum Format {
    TIME_SERIES("time_series"),
    TABLE("table"),
    HEATMAP("heatmap");

    private final String json;

    Format(String json) {
      this.json = json;
    }

    /** The value in Grafana's JSON. */
    public String json() {
      return json;
    }

    /** The format with this JSON value, or null when there is none. */
    @Nullable
    public static Format fromJson(String value) {
      for (Format format : values()) {
        if (format.json.equals(value)) {
          return format;
        }
      }
      return null;
    }
  }

  @Nullable private final String refId;
  @Nullable private final DatasourceRef datasource;
  private final String expr;
  @Nullable private final String legendFormat;
  @Nullable private final Boolean instant;
  @Nullable private final Boolean range;
  @Nullable private final Format format;
  @Nullable private final String interval;
  @Nullable private final Boolean exemplar;
  @Nullable private final Boolean hide;
  @Nullable private final String fixedWindowReason;
  private final Map<String, JsonNode> additionalProperties;

  private PrometheusTarget(Builder builder) {
    this.refId = builder.refId;
    this.datasource = builder.datasource;
    this.expr = builder.expr;
    this.legendFormat = builder.legendFormat;
    this.instant = builder.instant;
    this.range = builder.range;
    this.format = builder.format;
    this.interval = builder.interval;
    this.exemplar = builder.exemplar;
    this.hide = builder.hide;
    this.fixedWindowReason = builder.fixedWindowReason;
    this.additionalProperties = Json.copyProperties(builder.additionalProperties);
  }

  /** A range query of {@code expr} with exemplars off. */
  public static Builder builder(String expr) {
    return new Builder(expr).range().exemplar(false);
  }

  /** A builder with nothing but {@code expr} set; what is not set stays out of the JSON. */
  public static Builder bareBuilder(String expr) {
    return new Builder(expr);
  }

  /** A range query of {@code expr}: shorthand for {@code builder(expr).build()}. */
  public static PrometheusTarget of(String expr) {
    return builder(expr).build();
  }

  @Override
  @Nullable
  public String refId() {
    return refId;
  }

  @Override
  @Nullable
  public DatasourceRef datasource() {
    return datasource;
  }

  /** The PromQL expression, possibly with Grafana variables in it. */
  public String expr() {
    return expr;
  }

  /** The legend template, such as {@code {{worker_type}}}. */
  @Nullable
  public String legendFormat() {
    return legendFormat;
  }

  /** Whether Grafana runs an instant query; null when absent. */
  @Nullable
  public Boolean instant() {
    return instant;
  }

  /** Whether Grafana runs a range query; null when absent. */
  @Nullable
  public Boolean range() {
    return range;
  }

  /** True when this is an instant query only (instant set and range not set). */
  public boolean isInstant() {
    return Boolean.TRUE.equals(instant) && !Boolean.TRUE.equals(range);
  }

  @Nullable
  public Format format() {
    return format;
  }

  /** The minimum step, such as {@code 1m}. */
  @Nullable
  public String interval() {
    return interval;
  }

  @Nullable
  public Boolean exemplar() {
    return exemplar;
  }

  @Nullable
  public Boolean hide() {
    return hide;
  }

  /**
   * Why this query uses a fixed rate window instead of {@code $__rate_interval}; null when it does
   * not declare one. Kept in the model only, never written to the JSON.
   */
  @Nullable
  public String fixedWindowReason() {
    return fixedWindowReason;
  }

  @Override
  public Map<String, JsonNode> additionalProperties() {
    return Json.copyProperties(additionalProperties);
  }

  @Override
  public PrometheusTarget withRefId(String refId) {
    return toBuilder().refId(refId).build();
  }

  /** A builder holding every field of this target. */
  public Builder toBuilder() {
    Builder builder = new Builder(expr);
    builder.refId = refId;
    builder.datasource = datasource;
    builder.legendFormat = legendFormat;
    builder.instant = instant;
    builder.range = range;
    builder.format = format;
    builder.interval = interval;
    builder.exemplar = exemplar;
    builder.hide = hide;
    builder.fixedWindowReason = fixedWindowReason;
    builder.additionalProperties.putAll(additionalProperties);
    return builder;
  }

  @Override
  public String toString() {
    return "PrometheusTarget{refId=" + refId + ", expr=" + expr + "}";
  }

  /** Builds a {@link PrometheusTarget}. */
  public static final class Builder {
    @Nullable private String refId;
    @Nullable private DatasourceRef datasource;
    private final String expr;
    @Nullable private String legendFormat;
    @Nullable private Boolean instant;
    @Nullable private Boolean range;
    @Nullable private Format format;
    @Nullable private String interval;
    @Nullable private Boolean exemplar;
    @Nullable private Boolean hide;
    @Nullable private String fixedWindowReason;
    private final Map<String, JsonNode> additionalProperties = new LinkedHashMap<>();

    private Builder(String expr) {
      this.expr = requireNonNull(expr, "expr");
    }

    public Builder refId(String refId) {
      this.refId = requireNonNull(refId, "refId");
      return this;
    }

    public Builder datasource(DatasourceRef datasource) {
      this.datasource = requireNonNull(datasource, "datasource");
      return this;
    }

    public Builder legendFormat(String legendFormat) {
      this.legendFormat = requireNonNull(legendFormat, "legendFormat");
      return this;
    }

    /** Makes this an instant query (one value per series at the end of the range). */
    public Builder instant() {
      this.instant = true;
      this.range = false;
      return this;
    }

    /** Makes this a range query (a series over the dashboard's time range). */
    public Builder range() {
      this.instant = false;
      this.range = true;
      return this;
    }

    /** Sets the {@code instant} flag alone. */
    public Builder instantFlag(boolean instant) {
      this.instant = instant;
      return this;
    }

    /** Sets the {@code range} flag alone. */
    public Builder rangeFlag(boolean range) {
      this.range = range;
      return this;
    }

    public Builder format(Format format) {
      this.format = requireNonNull(format, "format");
      return this;
    }

    public Builder interval(String interval) {
      this.interval = requireNonNull(interval, "interval");
      return this;
    }

    public Builder exemplar(boolean exemplar) {
      this.exemplar = exemplar;
      return this;
    }

    public Builder hide(boolean hide) {
      this.hide = hide;
      return this;
    }

    /**
     * Declares that the expression's rate windows are fixed on purpose, and why. Without it the
     * lint insists on {@code $__rate_interval}.
     */
    public Builder fixedWindow(String reason) {
      requireNonNull(reason, "reason");
      if (reason.isBlank()) {
        throw new IllegalArgumentException("fixed window reason is blank");
      }
      this.fixedWindowReason = reason;
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

    public PrometheusTarget build() {
      return new PrometheusTarget(this);
    }
  }
}
