package io.ktrdr.observability.dashboards.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ktrdr.observability.dashboards.internal.Json;
import io.ktrdr.observability.dashboards.internal.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A panel of a dashboard, in Grafana's terms: a type ({@code stat}, {@code timeseries}, ..., or
 * {@code row}), a title and description, a datasource, targets, field config, options,
 * transformations, links and a place in the grid.
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
public final class Panel {

  /** The type of rows. */
  public static final String ROW = "row";

  @Nullable private final String type;
  @Nullable private final String title;
  @Nullable private final String description;
  @Nullable private final DatasourceRef datasource;
  @Nullable private final List<Target> targets;
  @Nullable private final FieldConfig fieldConfig;
  @Nullable private final ObjectNode options;
  @Nullable private final List<Transformation> transformations;
  @Nullable private final List<DataLink> links;
  @Nullable private final GridPos gridPos;
  @Nullable private final Integer id;
  private final int width;
  private final int height;
  @Nullable private final Boolean collapsed;
  @Nullable private final List<Panel> panels;
  private final Map<String, JsonNode> additionalProperties;
  private final boolean assignsRefIds;

  Panel(PanelBuilder<?> builder, @Nullable List<Target> targets) {
    this.type = builder.type;
    this.title = builder.title;
    this.description = builder.description;
    this.datasource = builder.datasource;
    this.targets = Json.copyList(targets, "targets");
    this.fieldConfig = builder.fieldConfig();
    this.options = Json.copy(builder.options);
    this.transformations = Json.copyList(builder.transformations, "transformations");
    this.links = Json.copyList(builder.links, "links");
    this.gridPos = builder.gridPos;
    this.id = builder.id;
    this.width = builder.gridPos != null ? builder.gridPos.w() : builder.width;
    this.height = builder.gridPos != null ? builder.gridPos.h() : builder.height;
    this.collapsed = builder.collapsed;
    this.panels = Json.copyList(builder.panels, "panels");
    this.additionalProperties = Json.copyProperties(builder.additionalProperties);
    this.assignsRefIds = builder.assignRefIds;
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

  /** A panel with nothing set at all, for exact reading: not even refIds are assigned. */
  public static GenericPanelBuilder bareBuilder() {
    return bareBuilder(null);
  }

  /** A panel of {@code type} (null for none) with nothing else set, for exact reading. */
  public static GenericPanelBuilder bareBuilder(@Nullable String type) {
    GenericPanelBuilder builder = new GenericPanelBuilder(type);
    builder.assignRefIds = false;
    return builder;
  }

  /** The panel type, such as {@code stat} or {@code row}; null only when read without one. */
  @Nullable
  public String type() {
    return type;
  }

  public boolean isRow() {
    return ROW.equals(type);
  }

  @Nullable
  public String title() {
    return title;
  }

  @Nullable
  public String description() {
    return description;
  }

  /** The panel's datasource; null when absent. */
  @Nullable
  public DatasourceRef datasource() {
    return datasource;
  }

  /** The queries, refIds assigned; empty when absent. */
  public List<Target> targets() {
    return targets == null ? List.of() : targets;
  }

  /** Whether the JSON has a {@code targets} list. */
  public boolean hasTargets() {
    return targets != null;
  }

  /** The Prometheus queries among the targets. */
  public List<PrometheusTarget> prometheusTargets() {
    List<PrometheusTarget> result = new ArrayList<>();
    for (Target target : targets()) {
      if (target instanceof PrometheusTarget) {
        result.add((PrometheusTarget) target);
      }
    }
    return List.copyOf(result);
  }

  /** The Jaeger queries among the targets. */
  public List<JaegerTarget> jaegerTargets() {
    List<JaegerTarget> result = new ArrayList<>();
    for (Target target : targets()) {
      if (target instanceof JaegerTarget) {
        result.add((JaegerTarget) target);
      }
    }
    return List.copyOf(result);
  }

  /** The datasource a target queries: its own, else the panel's; null when neither is set. */
  @Nullable
  public DatasourceRef datasourceOf(Target target) {
    return target.datasource() != null ? target.datasource() : datasource;
  }

  @Nullable
  public FieldConfig fieldConfig() {
    return fieldConfig;
  }

  /** The unit of the field defaults, or null. */
  @Nullable
  public String unit() {
    return fieldConfig == null ? null : fieldConfig.unit();
  }

  /** The panel type's options; null when absent. */
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

  /** The transformations; empty when absent. */
  public List<Transformation> transformations() {
    return transformations == null ? List.of() : transformations;
  }

  public boolean hasTransformations() {
    return transformations != null;
  }

  /** The panel links (top-left corner menu); empty when absent. */
  public List<DataLink> links() {
    return links == null ? List.of() : links;
  }

  public boolean hasLinks() {
    return links != null;
  }

  /** The place in the grid; null until the panel is laid out in a dashboard. */
  @Nullable
  public GridPos gridPos() {
    return gridPos;
  }

  /** The panel id; null until the panel is added to a dashboard. */
  @Nullable
  public Integer id() {
    return id;
  }

  /** The declared width in grid columns (1 to 24). */
  public int width() {
    return width;
  }

  /** The declared height in grid units. */
  public int height() {
    return height;
  }

  /** For rows: whether the row is collapsed; null when absent. */
  @Nullable
  public Boolean collapsed() {
    return collapsed;
  }

  /** For rows: the panels of the row, in order; empty for other panels. */
  public List<Panel> panels() {
    return panels == null ? List.of() : panels;
  }

  /** Whether the JSON has a {@code panels} list (rows have one). */
  public boolean hasPanels() {
    return panels != null;
  }

  public Map<String, JsonNode> additionalProperties() {
    return Json.copyProperties(additionalProperties);
  }

  /** A builder holding every field of this panel. */
  public GenericPanelBuilder toBuilder() {
    GenericPanelBuilder builder = new GenericPanelBuilder(type);
    builder.copyFrom(this);
    return builder;
  }

  @Override
  public String toString() {
    return "Panel{type=" + type + ", title=" + title + ", id=" + id + ", gridPos=" + gridPos + "}";
  }

  // Fields for PanelBuilder.copyFrom, which lives in this package.
  @Nullable
  ObjectNode optionsNode() {
    return options;
  }

  @Nullable
  List<Target> targetList() {
    return targets;
  }

  @Nullable
  List<Transformation> transformationList() {
    return transformations;
  }

  @Nullable
  List<DataLink> linkList() {
    return links;
  }

  @Nullable
  List<Panel> panelList() {
    return panels;
  }

  boolean assignsRefIds() {
    return assignsRefIds;
  }

  Map<String, JsonNode> additionalPropertiesView() {
    return additionalProperties;
  }
}
