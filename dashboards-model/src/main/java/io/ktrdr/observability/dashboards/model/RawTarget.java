package io.ktrdr.observability.dashboards.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.ktrdr.observability.dashboards.internal.Json;
import io.ktrdr.observability.dashboards.internal.Nullable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A query for a datasource the model does not type (Loki, TestData, ...): its refId and
 * datasource, and every other field as read.
 */
public final class RawTarget implements Target {

  @Nullable private final String refId;
  @Nullable private final DatasourceRef datasource;
  private final Map<String, JsonNode> additionalProperties;

  private RawTarget(
      @Nullable String refId,
      @Nullable DatasourceRef datasource,
      Map<String, JsonNode> additionalProperties) {
    this.refId = refId;
    this.datasource = datasource;
    this.additionalProperties = Json.copyProperties(additionalProperties);
  }

  /** A target of the given fields; refId and datasource may be null (absent). */
  public static RawTarget of(
      @Nullable String refId,
      @Nullable DatasourceRef datasource,
      Map<String, JsonNode> additionalProperties) {
    return new RawTarget(refId, datasource, additionalProperties);
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
    return "RawTarget{refId=" + refId + ", fields=" + new LinkedHashMap<>(additionalProperties)
        + "}";
  }
}
