package io.ktrdr.observability.dashboards.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.ktrdr.observability.dashboards.internal.Json;
import io.ktrdr.observability.dashboards.internal.Nullable;
import java.util.Map;

/**
 * A reference to a Grafana datasource, as Grafana writes it: {@code {"type": ..., "uid": ...}}.
 * The uid may be a concrete uid ({@code prometheus}) or a dashboard variable ({@code
 * ${datasource}}). Either part is null where the JSON leaves it out; unknown fields are kept.
 */
public record DatasourceRef(
    @Nullable String type, @Nullable String uid, Map<String, JsonNode> additionalProperties) {

  /** The plugin id of Prometheus datasources. */
  public static final String PROMETHEUS = "prometheus";
  /** The plugin id of Jaeger datasources. */
  public static final String JAEGER = "jaeger";
  /** The plugin id of Grafana's built-in datasource. */
  public static final String GRAFANA = "grafana";
  /** The uid of Grafana's built-in datasource (annotations, random walk). */
  public static final String GRAFANA_UID = "-- Grafana --";
  /** The uid of the mixed datasource, which lets each target choose its own. */
  public static final String MIXED_UID = "-- Mixed --";

  public DatasourceRef {
    additionalProperties = Json.copyProperties(additionalProperties);
  }

  /** A reference to the datasource with plugin id {@code type} and uid (or variable) {@code uid}. */
  public static DatasourceRef of(String type, String uid) {
    return new DatasourceRef(requireNonNull(type, "type"), requireNonNull(uid, "uid"), Map.of());
  }

  /** A Prometheus datasource, by uid or variable such as {@code ${datasource}}. */
  public static DatasourceRef prometheus(String uid) {
    return of(PROMETHEUS, uid);
  }

  /** A Jaeger datasource, by uid or variable such as {@code ${jaeger}}. */
  public static DatasourceRef jaeger(String uid) {
    return of(JAEGER, uid);
  }

  /** The mixed datasource: each target names its own. */
  public static DatasourceRef mixed() {
    return of("datasource", MIXED_UID);
  }

  /** Grafana's built-in datasource. */
  public static DatasourceRef grafana() {
    return of(GRAFANA, GRAFANA_UID);
  }

  /** True when the uid is a dashboard variable ({@code $name}, {@code ${name}}, {@code [[name]]}). */
  public boolean isVariable() {
    return variableName() != null;
  }

  /** The variable the uid refers to, or null when the uid is not a variable reference. */
  @Nullable
  public String variableName() {
    if (uid == null) {
      return null;
    }
    if (uid.startsWith("${") && uid.endsWith("}")) {
      String inner = uid.substring(2, uid.length() - 1);
      int colon = inner.indexOf(':');
      return colon < 0 ? inner : inner.substring(0, colon);
    }
    if (uid.startsWith("[[") && uid.endsWith("]]")) {
      return uid.substring(2, uid.length() - 2);
    }
    if (uid.startsWith("$") && uid.length() > 1) {
      return uid.substring(1);
    }
    return null;
  }

  /** Fields of the JSON object this model does not type (deep copies). */
  @Override
  public Map<String, JsonNode> additionalProperties() {
    return Json.copyProperties(additionalProperties);
  }

  @Override
  public String toString() {
    return "DatasourceRef{type=" + type + ", uid=" + uid + "}";
  }
}
