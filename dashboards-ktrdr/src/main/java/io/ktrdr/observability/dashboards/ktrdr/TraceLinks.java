package io.ktrdr.observability.dashboards.ktrdr;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ktrdr.observability.dashboards.model.DataLink;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Links from panels into Jaeger traces, opened in Grafana's Explore with the {@code jaeger}
 * datasource variable and the dashboard's time range.
 *
 * <p>The pane state is JSON in the URL; it is percent-encoded except for Grafana's {@code ${...}}
 * variables, which Grafana replaces when the link is followed.
 */
final class TraceLinks {

  /** KTRDR's backend, the one service name in traces that is stable across restarts. */
  static final String BACKEND_SERVICE = "ktrdr-api";

  /** The span tags of a worker selection that found no worker of the needed type. */
  static final String NO_WORKER_AVAILABLE_TAGS = "worker.selection_status=no_workers_available";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern ENCODED_VARIABLE = Pattern.compile("%24%7B([A-Za-z0-9_.:]+)%7D");

  private TraceLinks() {}

  /**
   * Explore with a Jaeger search for backend traces having a span of {@code operation} with {@code
   * tags}, lasting at least {@code minDuration}; an empty argument leaves that criterion out.
   */
  static String searchBackendTraces(String operation, String tags, String minDuration) {
    ObjectNode query = jaegerQuery();
    query.put("queryType", "search");
    query.put("service", BACKEND_SERVICE);
    putUnlessEmpty(query, "operation", operation);
    putUnlessEmpty(query, "tags", tags);
    putUnlessEmpty(query, "minDuration", minDuration);
    query.put("limit", 20);
    return explore(query);
  }

  /**
   * Explore with the backend traces whose worker selection found no worker, by the contract's
   * {@code worker.selection_status} attribute: it names the refusal whatever HTTP status or
   * operation status KTRDR answers it with, which the contract does not say.
   */
  static DataLink noWorkerAvailableSelections() {
    return DataLink.inNewTab(
        "Worker selections that found no worker",
        searchBackendTraces("", NO_WORKER_AVAILABLE_TAGS, ""));
  }

  private static void putUnlessEmpty(ObjectNode node, String field, String value) {
    requireNonNull(value, field);
    if (!value.isEmpty()) {
      node.put(field, value);
    }
  }

  /** Explore with the trace whose id is the clicked cell's raw value. */
  static String traceOfClickedValue() {
    ObjectNode query = jaegerQuery();
    query.put("queryType", "");
    query.put("query", "${__value.raw}");
    return explore(query);
  }

  private static ObjectNode jaegerQuery() {
    ObjectNode query = MAPPER.createObjectNode();
    query.put("refId", "A");
    ObjectNode datasource = query.putObject("datasource");
    datasource.put("type", "jaeger");
    datasource.put("uid", "${jaeger}");
    return query;
  }

  private static String explore(ObjectNode query) {
    ObjectNode panes = MAPPER.createObjectNode();
    ObjectNode pane = panes.putObject("traces");
    pane.put("datasource", "${jaeger}");
    pane.putArray("queries").add(query);
    ObjectNode range = pane.putObject("range");
    range.put("from", "${__from}");
    range.put("to", "${__to}");
    return "/explore?schemaVersion=1&panes=" + encodeKeepingVariables(json(panes));
  }

  private static String json(ObjectNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String encodeKeepingVariables(String text) {
    String encoded = URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    return ENCODED_VARIABLE.matcher(encoded).replaceAll(match -> "\\${" + match.group(1) + "}");
  }
}
