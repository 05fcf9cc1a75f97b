package io.ktrdr.observability.dashboards.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ktrdr.observability.dashboards.internal.Json;
import io.ktrdr.observability.dashboards.internal.Nullable;
import java.util.Map;

/**
 * A link from a panel or a field value to somewhere else: a title and a URL that may use Grafana's
 * variables ({@code ${__value.raw}}, {@code ${__field.labels.worker_type}}, {@code
 * ${__url_time_range}}, ...).
 */
public record DataLink(
    @Nullable String title,
    @Nullable String url,
    @Nullable Boolean targetBlank,
    Map<String, JsonNode> additionalProperties) {

  public DataLink {
    additionalProperties = Json.copyProperties(additionalProperties);
  }

  /** A link opening in the same tab. */
  public static DataLink of(String title, String url) {
    return new DataLink(requireNonNull(title, "title"), requireNonNull(url, "url"), null, Map.of());
  }

  /** A link opening in a new tab. */
  public static DataLink inNewTab(String title, String url) {
    return new DataLink(requireNonNull(title, "title"), requireNonNull(url, "url"), true, Map.of());
  }

  @Override
  public Map<String, JsonNode> additionalProperties() {
    return Json.copyProperties(additionalProperties);
  }

  /** Grafana's JSON object: {@code {"title": ..., "url": ..., "targetBlank": ...}} and the rest. */
  public ObjectNode toJson() {
    ObjectNode out = Json.object();
    additionalProperties.forEach((name, value) -> out.set(name, value.deepCopy()));
    if (title != null) {
      out.put("title", title);
    }
    if (url != null) {
      out.put("url", url);
    }
    if (targetBlank != null) {
      out.put("targetBlank", targetBlank);
    }
    return out;
  }
}
