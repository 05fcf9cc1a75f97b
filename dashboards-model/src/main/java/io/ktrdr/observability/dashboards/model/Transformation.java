package io.ktrdr.observability.dashboards.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ktrdr.observability.dashboards.internal.Json;
import io.ktrdr.observability.dashboards.internal.Nullable;
import java.util.List;

/**
 * A data transformation of a panel: Grafana's {@code {"id": ..., "options": {...}}}, with an
 * optional {@code filter} naming the frames it applies to; kept as its JSON object.
 *
 * <pre>{@code
 * Transformation.organize()
 *     .excludeByName("Time")
 *     .renameByName("worker_type", "Type")
 *     .renameByName("http.status_code", "Status")   // field names are taken whole
 *     .build()
 * Transformation.of("joinByField").option("byField", "Trace ID").filterByRefId("B").build()
 * }</pre>
 */
public final class Transformation {

  /** The id of Grafana's transformation that hides, orders and renames fields. */
  public static final String ORGANIZE = "organize";
  /** The frame matcher selecting the frames of one query by its refId. */
  public static final String BY_REF_ID = "byRefId";

  private final ObjectNode node;

  private Transformation(ObjectNode node) {
    this.node = node;
  }

  /** A transformation with Grafana id {@code id} ({@code merge}, {@code organize}, ...). */
  public static Builder of(String id) {
    return new Builder(id);
  }

  /** Grafana's {@value #ORGANIZE} transformation: hide, order and rename fields. */
  public static Builder organize() {
    return of(ORGANIZE);
  }

  /** Merges the frames of several queries into one table. */
  public static Transformation merge() {
    return of("merge").build();
  }

  /** Turns the labels of series into fields (columns). */
  public static Transformation labelsToFields() {
    return of("labelsToFields").build();
  }

  /** A transformation exactly as read from JSON. */
  public static Transformation read(ObjectNode node) {
    return new Transformation(requireNonNull(node, "node").deepCopy());
  }

  /** The transformation's id; null when absent. */
  @Nullable
  public String id() {
    JsonNode id = node.get("id");
    return id != null && id.isTextual() ? id.textValue() : null;
  }

  /** The options object; empty when absent. */
  public JsonNode options() {
    JsonNode options = node.get("options");
    return options == null ? Json.object() : options.deepCopy();
  }

  /** The frame matcher ({@code {"id": ..., "options": ...}}) this applies to; null for all frames. */
  @Nullable
  public JsonNode filter() {
    JsonNode filter = node.get("filter");
    return filter == null ? null : filter.deepCopy();
  }

  /** The whole JSON object. */
  public ObjectNode toJson() {
    return node.deepCopy();
  }

  /** Builds a {@link Transformation}. */
  public static final class Builder {
    private final String id;
    private final ObjectNode options = Json.object();
    @Nullable private ObjectNode filter;

    private Builder(String id) {
      this.id = requireNonNull(id, "id");
    }

    /**
     * Sets the option at a dotted path, such as {@code byField} or {@code excludeByName.Time}. For
     * keys holding dots use {@link #option(List, Object)}.
     */
    public Builder option(String path, Object value) {
      Json.setPath(options, path, requireNonNull(value, "value"));
      return this;
    }

    /**
     * Sets the option at the path of {@code keys}, each taken whole: {@code
     * option(List.of("renameByName", "http.status_code"), "Status")}.
     */
    public Builder option(List<String> keys, Object value) {
      Json.setPath(options, keys, requireNonNull(value, "value"));
      return this;
    }

    /** Organize: hides the field named {@code field} (option {@code excludeByName}). */
    public Builder excludeByName(String field) {
      return option(List.of("excludeByName", requireNonNull(field, "field")), true);
    }

    /** Organize: puts the field named {@code field} at {@code index}, from 0 (option {@code indexByName}). */
    public Builder indexByName(String field, int index) {
      if (index < 0) {
        throw new IllegalArgumentException("index must not be negative: " + index);
      }
      return option(List.of("indexByName", requireNonNull(field, "field")), index);
    }

    /** Organize: shows the field named {@code field} as {@code name} (option {@code renameByName}). */
    public Builder renameByName(String field, String name) {
      return option(
          List.of("renameByName", requireNonNull(field, "field")), requireNonNull(name, "name"));
    }

    /**
     * Applies the transformation only to the frames the matcher {@code matcherId} with {@code
     * options} selects ({@code filter}); the other frames pass through unchanged.
     */
    public Builder filter(String matcherId, Object options) {
      ObjectNode matcher = Json.object();
      matcher.put("id", requireNonNull(matcherId, "matcherId"));
      matcher.set("options", Json.toNode(requireNonNull(options, "options")));
      this.filter = matcher;
      return this;
    }

    /** Applies the transformation only to the frames of query {@code refId}. */
    public Builder filterByRefId(String refId) {
      return filter(BY_REF_ID, requireNonNull(refId, "refId"));
    }

    public Transformation build() {
      ObjectNode node = Json.object();
      node.put("id", id);
      if (filter != null) {
        node.set("filter", filter.deepCopy());
      }
      node.set("options", options.deepCopy());
      return new Transformation(node);
    }
  }
}
