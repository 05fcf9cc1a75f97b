package io.ktrdr.observability.dashboards.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ktrdr.observability.dashboards.internal.Json;
import io.ktrdr.observability.dashboards.internal.Nullable;
import java.util.List;
import java.util.Map;

/**
 * A panel of a dashboard, in Grafana's terms: a type ({@code stat}, {@code timeseries}, ..., or
 * {@code row}), a title and description, a datasource, targets (refIds assigned), field config,
 * options, transformations, links (the top-left corner menu), a place in the grid and an id (null
 * until laid out in a dashboard) and, for rows, whether collapsed and the panels of the row. A null
 * component is a field the JSON leaves out. {@code width} and {@code height} are the declared size
 * in grid units, kept in the model only: the layout places the panel by them.
 *
 * <p>Start one with a typed builder, which knows its type's options and default size:
 *
 * <pre>{@code
 * Panel.stat("Active operations")
 *     .description("Operations started and not yet finished.")
 *     .target(PrometheusTarget.builder("sum(ktrdr_operations_active)").instant())
 *     .unit("short")
 *     .build();
 * }</pre>
 *
 * <p>A row ({@link #row(String)}) holds the panels below it. Positions and ids are computed when
 * the panel is added to a {@link Dashboard}.
 */
public record Panel(
    @Nullable String type,
    @Nullable String title,
    @Nullable String description,
    @Nullable DatasourceRef datasource,
    @Nullable List<Target> targets,
    @Nullable FieldConfig fieldConfig,
    @Nullable ObjectNode options,
    @Nullable List<Transformation> transformations,
    @Nullable List<DataLink> links,
    @Nullable GridPos gridPos,
    @Nullable Integer id,
    int width,
    int height,
    @Nullable Boolean collapsed,
    @Nullable List<Panel> panels,
    Map<String, JsonNode> additionalProperties) {

  /** The type of rows. */
  public static final String ROW = "row";

  public Panel {
    targets = Json.copyList(targets, "targets");
    options = Json.copy(options);
    transformations = Json.copyList(transformations, "transformations");
    links = Json.copyList(links, "links");
    panels = Json.copyList(panels, "panels");
    additionalProperties = Json.copyProperties(additionalProperties);
    if (gridPos != null) {
      width = gridPos.w();
      height = gridPos.h();
    }
  }

  /** A single big number (or a few), reduced from a series: health, counts, current values. */
  public static StatPanelBuilder stat(String title) {
    return new StatPanelBuilder(title);
  }

  /** Series over time. */
  public static TimeseriesPanelBuilder timeseries(String title) {
    return new TimeseriesPanelBuilder(title);
  }

  /** A table of fields (columns) and rows. */
  public static TablePanelBuilder table(String title) {
    return new TablePanelBuilder(title);
  }

  /** Bars over a categorical x field. */
  public static BarChartPanelBuilder barchart(String title) {
    return new BarChartPanelBuilder(title);
  }

  /** One reduced value per series as a bar. */
  public static BarGaugePanelBuilder bargauge(String title) {
    return new BarGaugePanelBuilder(title);
  }

  /** Shares of a whole. */
  public static PieChartPanelBuilder piechart(String title) {
    return new PieChartPanelBuilder(title);
  }

  /** A distribution of values in buckets. */
  public static HistogramPanelBuilder histogram(String title) {
    return new HistogramPanelBuilder(title);
  }

  /** States over time, one lane per series. */
  public static StateTimelinePanelBuilder stateTimeline(String title) {
    return new StateTimelinePanelBuilder(title);
  }

  /** Markdown, HTML or code. */
  public static TextPanelBuilder text(String title) {
    return new TextPanelBuilder(title);
  }

  /** One trace, span by span. */
  public static TracesPanelBuilder traces(String title) {
    return new TracesPanelBuilder(title);
  }

  /** A row: a full-width header with the panels below it. */
  public static RowBuilder row(String title) {
    return new RowBuilder(title);
  }

  /**
   * A panel of any type (a plugin the model does not know, or a known type set up by hand), with
   * nothing set but the type; options go through {@code option(path, value)}.
   */
  public static GenericPanelBuilder builder(String type) {
    return new GenericPanelBuilder(type);
  }

  public boolean isRow() {
    return ROW.equals(type);
  }

  /** The Prometheus queries among the targets. */
  public List<PrometheusTarget> prometheusTargets() {
    return targetsOf(PrometheusTarget.class);
  }

  /** The Jaeger queries among the targets. */
  public List<JaegerTarget> jaegerTargets() {
    return targetsOf(JaegerTarget.class);
  }

  private <T extends Target> List<T> targetsOf(Class<T> kind) {
    return Json.orEmpty(targets).stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  /** The datasource a target queries: its own, else the panel's; null when neither is set. */
  @Nullable
  public DatasourceRef datasourceOf(Target target) {
    return target.datasource() != null ? target.datasource() : datasource;
  }

  /** The unit of the field defaults, or null. */
  @Nullable
  public String unit() {
    return fieldConfig == null ? null : fieldConfig.unit();
  }

  /** The panel type's options; null when absent. */
  @Override
  @Nullable
  public ObjectNode options() {
    return Json.copy(options);
  }

  /** The option at a dotted path, such as {@code reduceOptions.calcs}; null when absent. */
  @Nullable
  public JsonNode option(String path) {
    JsonNode value = options == null ? null : Json.getPath(options, path);
    return value == null ? null : value.deepCopy();
  }

  @Override
  public Map<String, JsonNode> additionalProperties() {
    return Json.copyProperties(additionalProperties);
  }

  /** For rows: a copy holding {@code panels} (null for none). */
  public Panel withPanels(@Nullable List<Panel> panels) {
    return placed(gridPos, id, panels);
  }

  /** A copy at {@code gridPos} with {@code id} and {@code panels}. */
  Panel placed(@Nullable GridPos gridPos, @Nullable Integer id, @Nullable List<Panel> panels) {
    return new Panel(
        type, title, description, datasource, targets, fieldConfig, options, transformations,
        links, gridPos, id, width, height, collapsed, panels, additionalProperties);
  }

  @Override
  public String toString() {
    return "Panel{type=" + type + ", title=" + title + ", id=" + id + ", gridPos=" + gridPos + "}";
  }
}
