package io.ktrdr.observability.dashboards.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.ktrdr.observability.dashboards.internal.Json;
import io.ktrdr.observability.dashboards.internal.Nullable;
import java.util.Map;

/**
 * A query for a datasource the model does not type (Loki, TestData, ...): its refId and
 * datasource, either null where absent, and every other field as read.
 */
public record RawTarget(
    @Nullable String refId,
    @Nullable DatasourceRef datasource,
    Map<String, JsonNode> additionalProperties)
    implements Target {

  public RawTarget {
    additionalProperties = Json.copyProperties(additionalProperties);
  }

  /** A target of the given fields; refId and datasource may be null (absent). */
  public static RawTarget of(
      @Nullable String refId,
      @Nullable DatasourceRef datasource,
      Map<String, JsonNode> additionalProperties) {
    return new RawTarget(refId, datasource, additionalProperties);
  }

  @Override
  public Map<String, JsonNode> additionalProperties() {
    return Json.copyProperties(additionalProperties);
  }

  @Override
  public RawTarget withRefId(String refId) {
    return new RawTarget(requireNonNull(refId, "refId"), datasource, additionalProperties);
  }

  @Override
  public String toString() {
    return "RawTarget{refId=" + refId + ", fields=" + additionalProperties + "}";
  }
}
