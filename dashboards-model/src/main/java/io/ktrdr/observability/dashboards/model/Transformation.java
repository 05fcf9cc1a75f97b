package io.ktrdr.observability.dashboards.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ktrdr.observability.dashboards.internal.Json;
import io.ktrdr.observability.dashboards.internal.Nullable;

/**
 * A data transformation of a panel: Grafana's {@code {"id": ..., "options": {...}}}, kept as its
 * JSON object.
 *
 * <pre>{@code
 * Transformation.of("organize")
 *     .option("excludeByName.Time", true)
 *     .option("renameByName.worker_type", "Type")
 *     .build()
 * }</pre>
 */
public final class Transformation {

  private final ObjectNode node;

  private Transformation(ObjectNode node) {
    this.node = node;
  }

  /** A transformation with Grafana id {@code id} ({@code merge}, {@code organize}, ...). */
  public static Builder of(String id) {
    return new Builder(id);
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

  /** The whole JSON object. */
  public ObjectNode toJson() {
    return node.deepCopy();
  }

  /** Builds a {@link Transformation}. */
  public static final class Builder {
    private final String id;
    private final ObjectNode options = Json.object();

    private Builder(String id) {
      this.id = requireNonNull(id, "id");
    }

    /** Sets the option at a dotted path, such as {@code renameByName.worker_type}. */
    public Builder option(String path, Object value) {
      Json.setPath(options, path, requireNonNull(value, "value"));
      return this;
    }

    public Transformation build() {
      ObjectNode node = Json.object();
      node.put("id", id);
      node.set("options", options.deepCopy());
      return new Transformation(node);
    }
  }
}
