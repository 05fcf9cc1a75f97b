package io.ktrdr.observability.e2e.panels;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends panel targets straight to Prometheus' and Jaeger's HTTP APIs, as Grafana's backend does for
 * them: Prometheus range queries on the step-aligned range with the panel's step, instant queries
 * at the end of the range, and Jaeger searches over the range with the tags as JSON.
 */
public final class DirectQueryPath implements QueryPath {
  private static final Pattern LOGFMT = Pattern.compile("([^\\s=]+)=(\"(?:[^\"\\\\]|\\\\.)*\"|\\S*)");

  private final URI prometheus;
  private final URI jaeger;
  private final JsonHttp http = JsonHttp.anonymous();

  private DirectQueryPath(URI prometheus, URI jaeger) {
    this.prometheus = prometheus;
    this.jaeger = jaeger;
  }

  /**
   * @param prometheus Prometheus' base URL
   * @param jaegerQuery Jaeger's query API base URL
   */
  public static DirectQueryPath of(URI prometheus, URI jaegerQuery) {
    return new DirectQueryPath(requireNonNull(prometheus, "prometheus"), requireNonNull(jaegerQuery, "jaegerQuery"));
  }

  @Override
  public String name() {
    return "prometheus+jaeger";
  }

  @Override
  public QueryResult run(PanelQuery query) {
    requireNonNull(query, "query");
    if (query instanceof PrometheusPanelQuery prometheusQuery) {
      return prometheus(prometheusQuery);
    }
    return jaeger((JaegerPanelQuery) query);
  }

  /** The URL a Prometheus target is sent to. */
  public URI prometheusRequest(PrometheusPanelQuery query) {
    QueryWindow window = query.window();
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("query", query.finalExpr());
    if (query.instant()) {
      parameters.put("time", seconds(window.to()));
      return JsonHttp.uri(prometheus, "/api/v1/query", parameters);
    }
    parameters.put("start", seconds(window.alignedStart()));
    parameters.put("end", seconds(window.alignedEnd()));
    parameters.put("step", seconds(Instant.ofEpochMilli(window.step().toMillis())));
    return JsonHttp.uri(prometheus, "/api/v1/query_range", parameters);
  }

  private QueryResult prometheus(PrometheusPanelQuery query) {
    URI uri = prometheusRequest(query);
    JsonNode body = http.get(uri);
    return new QueryResult(query, "GET " + uri + "\n  query: " + query.finalExpr(), prometheusSeries(body.path("data")), body);
  }

  /** Series of a Prometheus {@code data} object: matrix, vector or scalar. */
  static List<QueryResult.Series> prometheusSeries(JsonNode data) {
    List<QueryResult.Series> series = new ArrayList<>();
    String type = data.path("resultType").asText();
    if ("scalar".equals(type)) {
      JsonNode point = data.path("result");
      series.add(new QueryResult.Series(Map.of(), List.of(number(point.get(1))), List.of(time(point.get(0)))));
      return series;
    }
    for (JsonNode row : data.path("result")) {
      Map<String, String> labels = new LinkedHashMap<>();
      row.path("metric").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
      List<Double> values = new ArrayList<>();
      List<Instant> times = new ArrayList<>();
      List<JsonNode> points = new ArrayList<>();
      if (row.has("value")) {
        points.add(row.path("value"));
      }
      row.path("values").forEach(points::add);
      for (JsonNode point : points) {
        times.add(time(point.get(0)));
        values.add(number(point.get(1)));
      }
      series.add(new QueryResult.Series(labels, values, times));
    }
    return series;
  }

  private static Instant time(JsonNode seconds) {
    return Instant.ofEpochMilli(Math.round(seconds.asDouble() * 1000));
  }

  private static double number(JsonNode value) {
    return Double.parseDouble(value.asText());
  }

  /** The URL a Jaeger target is sent to. */
  public URI jaegerRequest(JaegerPanelQuery query) {
    if (!query.isSearch()) {
      return JsonHttp.uri(jaeger, "/api/traces/" + requireNonNull(query.traceId(), "traceId"), Map.of());
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    putIfPresent(parameters, "service", query.service());
    putIfPresent(parameters, "operation", query.operation());
    if (query.tags() != null && !query.tags().isBlank()) {
      parameters.put("tags", tagsAsJson(query.tags()));
    }
    if (query.limit() != null) {
      parameters.put("limit", query.limit().toString());
    }
    parameters.put("start", Long.toString(micros(query.window().from())));
    parameters.put("end", Long.toString(micros(query.window().to())));
    return JsonHttp.uri(jaeger, "/api/traces", parameters);
  }

  private QueryResult jaeger(JaegerPanelQuery query) {
    URI uri = jaegerRequest(query);
    JsonNode body = http.get(uri);
    return new QueryResult(query, "GET " + uri, traces(body.path("data")), body);
  }

  /** One series per trace: its id and services as labels, its span count as the value. */
  static List<QueryResult.Series> traces(JsonNode data) {
    List<QueryResult.Series> traces = new ArrayList<>();
    for (JsonNode trace : data) {
      TreeSet<String> services = new TreeSet<>();
      trace.path("processes").forEach(process -> services.add(process.path("serviceName").asText()));
      traces.add(new QueryResult.Series(
          Map.of("traceID", trace.path("traceID").asText(), "services", String.join(",", services)),
          List.of((double) trace.path("spans").size())));
    }
    return traces;
  }

  /** Grafana's Jaeger datasource turns logfmt tags into the JSON object Jaeger's API takes. */
  static String tagsAsJson(String logfmt) {
    ObjectNode tags = JsonHttp.JSON.createObjectNode();
    Matcher matcher = LOGFMT.matcher(logfmt);
    while (matcher.find()) {
      String value = matcher.group(2);
      if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
        value = value.substring(1, value.length() - 1).replace("\\\"", "\"");
      }
      tags.put(matcher.group(1), value);
    }
    return tags.toString();
  }

  private static void putIfPresent(Map<String, String> parameters, String name, String value) {
    if (value != null && !value.isEmpty()) {
      parameters.put(name, value);
    }
  }

  private static long micros(Instant time) {
    return time.getEpochSecond() * 1_000_000 + time.getNano() / 1_000;
  }

  private static String seconds(Instant time) {
    return java.math.BigDecimal.valueOf(time.toEpochMilli(), 3).toPlainString();
  }

  @Override
  public String toString() {
    return "DirectQueryPath{prometheus=" + prometheus + ", jaeger=" + jaeger + "}";
  }
}
