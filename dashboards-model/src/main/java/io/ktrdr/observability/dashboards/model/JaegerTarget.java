package io.ktrdr.observability.dashboards.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.ktrdr.observability.dashboards.internal.Json;
import io.ktrdr.observability.dashboards.internal.Nullable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Jaeger query of a panel: a trace search ({@code queryType} {@value #SEARCH}) by service,
 * operation, tags and duration, or a trace lookup by id ({@code queryType} empty, {@code query} =
 * the trace id).
 */
public final class JaegerTarget implements Target {

  /** The query type of a trace search. */
  public static final String SEARCH = "search";
  /** The query type of a lookup by trace id. */
  public static final String TRACE_ID = "";

  @Nullable private final String refId;
  @Nullable private final DatasourceRef datasource;
  @Nullable private final String queryType;
  @Nullable private final String service;
  @Nullable private final String operation;
  @Nullable private final String tags;
  @Nullable private final String minDuration;
  @Nullable private final String maxDuration;
  @Nullable private final Integer limit;
  @Nullable private final String query;
  @Nullable private final Boolean hide;
  private final Map<String, JsonNode> additionalProperties;

  private JaegerTarget(Builder builder) {
    this.refId = builder.refId;
    this.datasource = builder.datasource;
    this.queryType = builder.queryType;
    this.service = builder.service;
    this.operation = builder.operation;
    this.tags = builder.tags;
    this.minDuration = builder.minDuration;
    this.maxDuration = builder.maxDuration;
    this.limit = builder.limit;
    this.query = builder.query;
    this.hide = builder.hide;
    this.additionalProperties = Json.copyProperties(builder.additionalProperties);
  }

  /** A search for traces of {@code service} (a name or a variable such as {@code $service}). */
  public static Builder search(String service) {
    return new Builder().queryType(SEARCH).service(service);
  }

  /** A lookup of one trace by id (or a variable holding it). */
  public static Builder traceId(String traceId) {
    return new Builder().queryType(TRACE_ID).query(traceId);
  }

  /** A builder with nothing set, for exact reading. */
  public static Builder bareBuilder() {
    return new Builder();
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

  /** {@value #SEARCH}, empty for a trace-id lookup, or null when absent. */
  @Nullable
  public String queryType() {
    return queryType;
  }

  @Nullable
  public String service() {
    return service;
  }

  @Nullable
  public String operation() {
    return operation;
  }

  /** Span tags in logfmt, such as {@code error=true operation.type=training}. */
  @Nullable
  public String tags() {
    return tags;
  }

  @Nullable
  public String minDuration() {
    return minDuration;
  }

  @Nullable
  public String maxDuration() {
    return maxDuration;
  }

  @Nullable
  public Integer limit() {
    return limit;
  }

  /** The trace id of a lookup. */
  @Nullable
  public String query() {
    return query;
  }

  @Nullable
  public Boolean hide() {
    return hide;
  }

  @Override
  public Map<String, JsonNode> additionalProperties() {
    return Json.copyProperties(additionalProperties);
  }

  @Override
  public JaegerTarget withRefId(String refId) {
    return toBuilder().refId(refId).build();
  }

  /** A builder holding every field of this target. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.refId = refId;
    builder.datasource = datasource;
    builder.queryType = queryType;
    builder.service = service;
    builder.operation = operation;
    builder.tags = tags;
    builder.minDuration = minDuration;
    builder.maxDuration = maxDuration;
    builder.limit = limit;
    builder.query = query;
    builder.hide = hide;
    builder.additionalProperties.putAll(additionalProperties);
    return builder;
  }

  @Override
  public String toString() {
    return "JaegerTarget{refId=" + refId + ", queryType=" + queryType + ", service=" + service
        + ", operation=" + operation + ", query=" + query + "}";
  }

  /** Builds a {@link JaegerTarget}. */
  public static final class Builder {
    @Nullable private String refId;
    @Nullable private DatasourceRef datasource;
    @Nullable private String queryType;
    @Nullable private String service;
    @Nullable private String operation;
    @Nullable private String tags;
    @Nullable private String minDuration;
    @Nullable private String maxDuration;
    @Nullable private Integer limit;
    @Nullable private String query;
    @Nullable private Boolean hide;
    private final Map<String, JsonNode> additionalProperties = new LinkedHashMap<>();

    private Builder() {}

    public Builder refId(String refId) {
      this.refId = requireNonNull(refId, "refId");
      return this;
    }

    public Builder datasource(DatasourceRef datasource) {
      this.datasource = requireNonNull(datasource, "datasource");
      return this;
    }

    public Builder queryType(String queryType) {
      this.queryType = requireNonNull(queryType, "queryType");
      return this;
    }

    public Builder service(String service) {
      this.service = requireNonNull(service, "service");
      return this;
    }

    public Builder operation(String operation) {
      this.operation = requireNonNull(operation, "operation");
      return this;
    }

    /** Span tags in logfmt, such as {@code error=true}. */
    public Builder tags(String tags) {
      this.tags = requireNonNull(tags, "tags");
      return this;
    }

    /** The shortest trace to find, such as {@code 100ms}. */
    public Builder minDuration(String minDuration) {
      this.minDuration = requireNonNull(minDuration, "minDuration");
      return this;
    }

    /** The longest trace to find, such as {@code 10s}. */
    public Builder maxDuration(String maxDuration) {
      this.maxDuration = requireNonNull(maxDuration, "maxDuration");
      return this;
    }

    public Builder limit(int limit) {
      if (limit <= 0) {
        throw new IllegalArgumentException("limit must be positive: " + limit);
      }
      this.limit = limit;
      return this;
    }

    /** The trace id of a lookup. */
    public Builder query(String query) {
      this.query = requireNonNull(query, "query");
      return this;
    }

    public Builder hide(boolean hide) {
      this.hide = hide;
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

    public JaegerTarget build() {
      return new JaegerTarget(this);
    }
  }
}
