package io.ktrdr.observability.dashboards.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.ktrdr.observability.dashboards.internal.Nullable;
import java.util.Map;

/**
 * One query of a panel: a {@link PrometheusTarget}, a {@link JaegerTarget}, or a {@link RawTarget}
 * for any other datasource read from JSON.
 */
public sealed interface Target permits PrometheusTarget, JaegerTarget, RawTarget {

  /** The query's id within its panel ({@code A}, {@code B}, ...); assigned by the panel if unset. */
  @Nullable
  String refId();

  /** The datasource of this query; null means the panel's datasource. */
  @Nullable
  DatasourceRef datasource();

  /** Fields of the JSON object this model does not type, kept so that nothing is lost. */
  Map<String, JsonNode> additionalProperties();

  /** A copy of this target with another refId. */
  Target withRefId(String refId);
}
