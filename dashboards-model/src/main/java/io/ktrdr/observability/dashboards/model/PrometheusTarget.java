package io.ktrdr.observability.dashboards.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.ktrdr.observability.dashboards.internal.Json;
import io.ktrdr.observability.dashboards.internal.Nullable;
import java.util.Map;

/**
 * A PromQL query of a panel. A null component is a field the JSON leaves out, except {@code
 * fixedWindowReason}: why the query uses a fixed rate window instead of {@code $__rate_interval},
 * kept in the model only and never written.
 *
 * <p>{@link #builder(String)} starts a range query ({@code range: true, instant: false}) with
 * exemplars off; {@link #bareBuilder(String)} starts with nothing set.
 */
public record PrometheusTarget(
    @Nullable String refId,
    @Nullable DatasourceRef datasource,
    String expr,
    @Nullable String legendFormat,
    @Nullable Boolean instant,
    @Nullable Boolean range,
    @Nullable Format format,
    @Nullable String interval,
    @Nullable Boolean exemplar,
    @Nullable Boolean hide,
    @Nullable String fixedWindowReason,
    Map<String, JsonNode> additionalProperties)
    implements Target {

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

  public PrometheusTarget {
    requireNonNull(expr, "expr");
    additionalProperties = Json.copyProperties(additionalProperties);
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

  /** True when this is an instant query only (instant set and range not set). */
  public boolean isInstant() {
    return Boolean.TRUE.equals(instant) && !Boolean.TRUE.equals(range);
  }

  @Override
  public Map<String, JsonNode> additionalProperties() {
    return Json.copyProperties(additionalProperties);
  }

  @Override
  public PrometheusTarget withRefId(String refId) {
    return new PrometheusTarget(
        requireNonNull(refId, "refId"), datasource, expr, legendFormat, instant, range, format,
        interval, exemplar, hide, fixedWindowReason, additionalProperties);
  }

  @Override
  public String toString() {
    return "PrometheusTarget{refId=" + refId + ", expr=" + expr + "}";
  }

  /** Builds a {@link PrometheusTarget}. */
  public static final class Builder extends TargetBuilder<Builder> {
    private final String expr;
    @Nullable private String legendFormat;
    @Nullable private Boolean instant;
    @Nullable private Boolean range;
    @Nullable private Format format;
    @Nullable private String interval;
    @Nullable private Boolean exemplar;
    @Nullable private String fixedWindowReason;

    private Builder(String expr) {
      this.expr = requireNonNull(expr, "expr");
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

    public Builder format(Format format) {
      this.format = requireNonNull(format, "format");
      return this;
    }

    /** The minimum step, such as {@code 1m}. */
    public Builder interval(String interval) {
      this.interval = requireNonNull(interval, "interval");
      return this;
    }

    public Builder exemplar(boolean exemplar) {
      this.exemplar = exemplar;
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

    @Override
    public PrometheusTarget build() {
      return new PrometheusTarget(
          refId, datasource, expr, legendFormat, instant, range, format, interval, exemplar, hide,
          fixedWindowReason, additionalProperties);
    }
  }
}
