package io.ktrdr.observability.dashboards.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.ktrdr.observability.dashboards.internal.Json;
import io.ktrdr.observability.dashboards.internal.Nullable;
import java.util.Map;

/**
 * A Jaeger query of a panel: a trace search ({@code queryType} {@value #SEARCH}) by service,
 * operation, tags (span tags in logfmt, such as {@code error=true}) and duration, or a trace lookup
 * by id ({@code queryType} empty, {@code query} = the trace id). A null component is a field the
 * JSON leaves out.
 */
public record JaegerTarget(
    @Nullable String refId,
    @Nullable DatasourceRef datasource,
    @Nullable String queryType,
    @Nullable String service,
    @Nullable String operation,
    @Nullable String tags,
    @Nullable String minDuration,
    @Nullable String maxDuration,
    @Nullable Integer limit,
    @Nullable String query,
    @Nullable Boolean hide,
    Map<String, JsonNode> additionalProperties)
    implements Target {

  /** The query type of a trace search. */
  public static final String SEARCH = "search";
  /** The query type of a lookup by trace id. */
  public static final String TRACE_ID = "";

  public JaegerTarget {
    if (limit != null && limit <= 0) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
    additionalProperties = Json.copyProperties(additionalProperties);
  }

  /** A search for traces of {@code service} (a name or a variable such as {@code $service}). */
  public static Builder search(String service) {
    Builder builder = new Builder(SEARCH);
    builder.service = requireNonNull(service, "service");
    return builder;
  }

  /** A lookup of one trace by id (or a variable holding it). */
  public static Builder traceId(String traceId) {
    return new Builder(TRACE_ID).query(traceId);
  }

  @Override
  public Map<String, JsonNode> additionalProperties() {
    return Json.copyProperties(additionalProperties);
  }

  @Override
  public JaegerTarget withRefId(String refId) {
    return new JaegerTarget(
        requireNonNull(refId, "refId"), datasource, queryType, service, operation, tags,
        minDuration, maxDuration, limit, query, hide, additionalProperties);
  }

  @Override
  public String toString() {
    return "JaegerTarget{refId=" + refId + ", queryType=" + queryType + ", service=" + service
        + ", operation=" + operation + ", query=" + query + "}";
  }

  /** Builds a {@link JaegerTarget}. */
  public static final class Builder extends TargetBuilder<Builder> {
    private final String queryType;
    @Nullable private String service;
    @Nullable private String operation;
    @Nullable private String tags;
    @Nullable private String minDuration;
    @Nullable private String maxDuration;
    @Nullable private Integer limit;
    @Nullable private String query;

    private Builder(String queryType) {
      this.queryType = queryType;
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

    @Override
    public JaegerTarget build() {
      return new JaegerTarget(
          refId, datasource, queryType, service, operation, tags, minDuration, maxDuration, limit,
          query, hide, additionalProperties);
    }
  }
}
