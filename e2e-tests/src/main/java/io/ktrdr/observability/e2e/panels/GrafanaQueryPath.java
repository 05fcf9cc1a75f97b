package io.ktrdr.observability.e2e.panels;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends panel targets through Grafana's {@code POST /api/ds/query}, as the browser does: dashboard
 * variables substituted, built-ins left for Grafana, the panel's {@code intervalMs} and {@code
 * maxDataPoints} along. A frame with at least one row counts as data.
 */
public final class GrafanaQueryPath implements QueryPath {
  private final URI grafana;
  private final JsonHttp http;

  private GrafanaQueryPath(URI grafana, JsonHttp http) {
    this.grafana = grafana;
    this.http = http;
  }

  public static GrafanaQueryPath of(URI grafana, String user, String password) {
    return new GrafanaQueryPath(requireNonNull(grafana, "grafana"), JsonHttp.basicAuth(user, password));
  }

  @Override
  public String name() {
    return "grafana";
  }

  /** The body Grafana receives for one target. */
  public ObjectNode requestBody(PanelQuery query) {
    ObjectNode body = JsonHttp.JSON.createObjectNode();
    body.put("from", Long.toString(query.window().from().toEpochMilli()));
    body.put("to", Long.toString(query.window().to().toEpochMilli()));
    ObjectNode target = body.putArray("queries").addObject();
    target.put("refId", query.panel().refId());
    target.put("intervalMs", query.window().interval().toMillis());
    target.put("maxDataPoints", query.window().maxDataPoints());
    if (query instanceof PrometheusPanelQuery prometheus) {
      target.putObject("datasource").put("type", "prometheus").put("uid", prometheus.datasourceUid());
      target.put("expr", prometheus.expr());
      target.put("instant", prometheus.instant());
      target.put("range", !prometheus.instant());
      target.put("format", prometheus.format());
      if (prometheus.legendFormat() != null) {
        target.put("legendFormat", prometheus.legendFormat());
      }
    } else {
      JaegerPanelQuery jaeger = (JaegerPanelQuery) query;
      target.putObject("datasource").put("type", "jaeger").put("uid", jaeger.datasourceUid());
      target.put("queryType", jaeger.queryType());
      putIfPresent(target, "service", jaeger.service());
      putIfPresent(target, "operation", jaeger.operation());
      putIfPresent(target, "tags", jaeger.tags());
      putIfPresent(target, "query", jaeger.traceId());
      if (jaeger.limit() != null) {
        target.put("limit", jaeger.limit());
      }
    }
    return body;
  }

  @Override
  public QueryResult run(PanelQuery query) {
    ObjectNode body = requestBody(query);
    URI uri = grafana.resolve("/api/ds/query");
    JsonNode answer = http.post(uri, body);
    JsonNode result = answer.path("results").path(query.panel().refId());
    if (result.hasNonNull("error")) {
      throw new QueryFailedException(query.panel() + ": Grafana answered an error: " + result.path("error").asText()
          + "\n  sent: POST " + uri + " " + body);
    }
    return new QueryResult(query, "POST " + uri + " " + body, frames(result.path("frames")), answer);
  }

  /** One series per frame: its name and field labels, the values of its last field. */
  static List<QueryResult.Series> frames(JsonNode frames) {
    List<QueryResult.Series> series = new ArrayList<>();
    for (JsonNode frame : frames) {
      Map<String, String> labels = new LinkedHashMap<>();
      labels.put("frame", frame.path("schema").path("name").asText(""));
      JsonNode fields = frame.path("schema").path("fields");
      if (fields.size() > 0) {
        fields.get(fields.size() - 1).path("labels").properties()
            .forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
      }
      ArrayNode columns = (ArrayNode) frame.path("data").path("values");
      List<Double> values = new ArrayList<>();
      if (columns != null && columns.size() > 0) {
        for (JsonNode value : columns.get(columns.size() - 1)) {
          values.add(value.isNumber() ? value.asDouble() : Double.NaN);
        }
      }
      series.add(new QueryResult.Series(labels, values));
    }
    return series;
  }

  private static void putIfPresent(ObjectNode node, String field, String value) {
    if (value != null && !value.isEmpty()) {
      node.put(field, value);
    }
  }
}
