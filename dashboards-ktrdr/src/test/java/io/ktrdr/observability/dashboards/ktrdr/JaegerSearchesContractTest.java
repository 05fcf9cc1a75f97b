package io.ktrdr.observability.dashboards.ktrdr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ktrdr.observability.dashboards.json.DashboardJson;
import io.ktrdr.observability.dashboards.model.Dashboard;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every Jaeger search of the KTRDR dashboards, in panel queries and in the Explore links of panels
 * and fields, asks only for what the telemetry contract says real KTRDR emits: its stable backend
 * service name, its span names, its span attributes with their listed values. A search built on
 * something only the simulator does (a status code meaning a refusal, an attribute on a span the
 * contract does not name) would find nothing against KTRDR.
 */
class JaegerSearchesContractTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern EXPLORE_PANES = Pattern.compile("/explore\\?schemaVersion=1&panes=([^\"]+)");

  /** The contract's backend spans (service methods, agent spans); FastAPI server spans are "METHOD /path". */
  private static final Set<String> BACKEND_SPANS = Set.of("operations.create", "operations.list",
      "workers.select", "workers.list", "data.load_cache", "data.download", "data.fetch", "data.parse",
      "training.start", "indicator.calculate", "operation.state_transition", "agent.coordinator",
      "agent.phase.design", "agent.phase.training", "agent.phase.backtest", "agent.phase.assessment");
  private static final Pattern SERVER_SPAN = Pattern.compile("(GET|POST|PUT|PATCH|DELETE) /api/v1/\\S+");

  private static final Set<String> OPERATION_STATUSES =
      Set.of("pending", "resuming", "running", "completed", "failed", "cancelled");
  /** The contract's attributes with the values it lists; a null set: values it does not list. */
  private static final Map<String, Set<String>> ATTRIBUTE_VALUES = Map.ofEntries(
      Map.entry("operation.status", OPERATION_STATUSES),
      Map.entry("operation.from_status", OPERATION_STATUSES),
      Map.entry("operation.to_status", OPERATION_STATUSES),
      Map.entry("operation.type", Set.copyOf(KtrdrVariables.OPERATION_TYPES)),
      Map.entry("worker.type", Set.of("backtesting", "training")),
      Map.entry("worker.selection_status", Set.of("success", "no_workers_available")));
  /** Attributes with no listed values: a search may name them but not a value of its own choosing. */
  private static final Set<String> FREE_ATTRIBUTES = Set.of("operation.id", "operation.error",
      "operation.parent_id", "progress.percentage", "progress.phase", "worker.selected_id",
      "worker.available_workers", "data.symbol", "data.timeframe", "data.rows");
  /** The FastAPI server spans' status code (older HTTP conventions, as the backend's HTTP metrics). */
  private static final Pattern HTTP_STATUS_CODE_TAG = Pattern.compile("http\\.status_code=[1-5][0-9][0-9]");

  @Test
  void everySearchIsOfTheBackendServiceByAContractSpanName() {
    List<JsonNode> searches = everySearch();

    assertThat(searches).hasSizeGreaterThan(5);
    for (JsonNode search : searches) {
      assertThat(search.path("service").asText()).as("service of %s", search).isEqualTo("ktrdr-api");
      String operation = search.path("operation").asText("");
      if (!operation.isEmpty()) {
        assertThat(BACKEND_SPANS.contains(operation) || SERVER_SPAN.matcher(operation).matches())
            .as("span name %s of %s is a backend span of the contract", operation, search)
            .isTrue();
      }
    }
  }

  @Test
  void everySearchedTagIsAContractAttributeWithAListedValue() {
    int tags = 0;
    for (JsonNode search : everySearch()) {
      for (String tag : search.path("tags").asText("").split("\\s+")) {
        if (tag.isEmpty()) {
          continue;
        }
        tags++;
        if (HTTP_STATUS_CODE_TAG.matcher(tag).matches()) {
          continue;
        }
        String key = tag.substring(0, tag.indexOf('='));
        String value = tag.substring(tag.indexOf('=') + 1);
        assertThat(ATTRIBUTE_VALUES.containsKey(key) || FREE_ATTRIBUTES.contains(key))
            .as("tag %s of %s names a contract attribute", tag, search).isTrue();
        assertThat(ATTRIBUTE_VALUES.get(key))
            .as("tag %s of %s: a value the contract lists for %s", tag, search, key)
            .isNotNull()
            .contains(value);
      }
    }
    assertThat(tags).isGreaterThan(2);
  }

  @Test
  void refusedOperationsAreFoundByTheirWorkerSelectionNotByAStatusCode() {
    List<JsonNode> searches = everySearch();

    // The contract names the refusal (worker.selection_status) but not the HTTP status KTRDR
    // answers it with: no link may present a status code as "no worker available".
    assertThat(searches)
        .anyMatch(s -> s.path("tags").asText("").equals("worker.selection_status=no_workers_available"));
    for (Dashboard dashboard : KtrdrDashboards.all()) {
      assertThat(DashboardJson.write(dashboard))
          .as(dashboard.uid())
          .doesNotContainPattern("(?i)50[0-9][^\"]{0,20}no worker");
    }
  }

  /** Jaeger searches of every dashboard: Jaeger targets and the queries of Explore links. */
  private static List<JsonNode> everySearch() {
    List<JsonNode> searches = new ArrayList<>();
    for (Dashboard dashboard : KtrdrDashboards.all()) {
      String json = DashboardJson.write(dashboard);
      collectSearches(read(json), searches);
      Matcher link = EXPLORE_PANES.matcher(json);
      while (link.find()) {
        collectSearches(read(URLDecoder.decode(link.group(1), StandardCharsets.UTF_8)), searches);
      }
    }
    return searches;
  }

  private static void collectSearches(JsonNode node, List<JsonNode> searches) {
    if (node.isObject() && "search".equals(node.path("queryType").asText())) {
      searches.add(node);
    }
    node.forEach(child -> collectSearches(child, searches));
  }

  private static JsonNode read(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }
}
