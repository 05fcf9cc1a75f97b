package io.ktrdr.observability.dashboards.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ktrdr.observability.dashboards.internal.Json;
import io.ktrdr.observability.dashboards.internal.Nullable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Grafana dashboard in the classic JSON model that file provisioning loads. A null component is
 * a field the JSON leaves out: {@code refresh} is the auto-refresh interval (such as {@code 30s}),
 * {@code timepicker} the time picker settings ({@code refresh_intervals}, {@code hidden}, ...),
 * {@code graphTooltip} 0 (default), {@value #SHARED_CROSSHAIR} (shared crosshair) or {@value
 * #SHARED_TOOLTIP} (shared tooltip); {@code annotations} and {@code variables} are the lists of
 * the {@code annotations} and {@code templating} objects, whose other fields are kept beside them;
 * {@code panels} are the top-level panels and rows in order, a row holding its own panels.
 *
 * <p>{@link #builder()} starts with the defaults quoted on its constants (time range {@code
 * now-6h} to {@code now}, browser time zone, shared crosshair, Grafana's built-in annotations) and
 * lays panels out when built: panels flow left to right into the 24-column grid by their declared
 * width and height, wrapping to a new line when full; a row starts a new line at full width and
 * its panels flow below it; panel ids are assigned 1..n in order. {@link #bareBuilder()} starts
 * empty and keeps positions as given, for exact reading.
 */
public record Dashboard(
    @Nullable String uid,
    @Nullable String title,
    @Nullable String description,
    @Nullable List<String> tags,
    @Nullable String refresh,
    @Nullable TimeRange time,
    @Nullable ObjectNode timepicker,
    @Nullable String timezone,
    @Nullable Boolean editable,
    @Nullable Integer graphTooltip,
    @Nullable Integer schemaVersion,
    @Nullable List<DashboardLink> links,
    @Nullable List<Annotation> annotations,
    Map<String, JsonNode> annotationsProperties,
    @Nullable List<Variable> variables,
    Map<String, JsonNode> templatingProperties,
    @Nullable List<Panel> panels,
    Map<String, JsonNode> additionalProperties) {

  /** The schema version written by {@link #builder()}; Grafana migrates older ones on load. */
  public static final int DEFAULT_SCHEMA_VERSION = 41;
  /** The default time range: the last six hours. */
  public static final TimeRange DEFAULT_TIME = TimeRange.LAST_6_HOURS;
  /** The default time zone: the viewer's browser. */
  public static final String DEFAULT_TIMEZONE = "browser";
  /** Grafana's graph tooltip code for a crosshair shared across panels. */
  public static final int SHARED_CROSSHAIR = 1;
  /** Grafana's graph tooltip code for a crosshair and tooltip shared across panels. */
  public static final int SHARED_TOOLTIP = 2;

  public Dashboard {
    if (graphTooltip != null) {
      checkGraphTooltip(graphTooltip);
    }
    tags = Json.copyList(tags, "tags");
    timepicker = Json.copy(timepicker);
    links = Json.copyList(links, "links");
    annotations = Json.copyList(annotations, "annotations");
    annotationsProperties = Json.copyProperties(annotationsProperties);
    variables = Json.copyList(variables, "variables");
    templatingProperties = Json.copyProperties(templatingProperties);
    panels = Json.copyList(panels, "panels");
    additionalProperties = Json.copyProperties(additionalProperties);
  }

  private static int checkGraphTooltip(int graphTooltip) {
    if (graphTooltip < 0 || graphTooltip > SHARED_TOOLTIP) {
      throw new IllegalArgumentException("graphTooltip must be 0 to 2: " + graphTooltip);
    }
    return graphTooltip;
  }

  /** A dashboard with the defaults quoted on this class's constants and computed layout. */
  public static Builder builder() {
    Builder builder = new Builder(true);
    builder.tags = new ArrayList<>();
    builder.time = DEFAULT_TIME;
    builder.timezone = DEFAULT_TIMEZONE;
    builder.editable = true;
    builder.graphTooltip = SHARED_CROSSHAIR;
    builder.schemaVersion = DEFAULT_SCHEMA_VERSION;
    builder.links = new ArrayList<>();
    builder.annotations = new ArrayList<>(List.of(Annotation.grafanaBuiltIn()));
    builder.variables = new ArrayList<>();
    builder.panels = new ArrayList<>();
    return builder;
  }

  /** A dashboard with nothing set, whose panels keep the positions and ids given. */
  public static Builder bareBuilder() {
    return new Builder(false);
  }

  @Override
  @Nullable
  public ObjectNode timepicker() {
    return Json.copy(timepicker);
  }

  @Override
  public Map<String, JsonNode> annotationsProperties() {
    return Json.copyProperties(annotationsProperties);
  }

  @Override
  public Map<String, JsonNode> templatingProperties() {
    return Json.copyProperties(templatingProperties);
  }

  @Override
  public Map<String, JsonNode> additionalProperties() {
    return Json.copyProperties(additionalProperties);
  }

  /** The variable named {@code name}. */
  public Optional<Variable> variable(String name) {
    requireNonNull(name, "name");
    return Json.orEmpty(variables).stream().filter(v -> name.equals(v.name())).findFirst();
  }

  /** Every panel that is not a row, including those inside rows, in grid order. */
  public List<Panel> allPanels() {
    return panelsAndRows().stream().filter(panel -> !panel.isRow()).toList();
  }

  /** Every panel and row, rows followed by their panels, in grid order. */
  public List<Panel> panelsAndRows() {
    List<Panel> result = new ArrayList<>();
    for (Panel panel : Json.orEmpty(panels)) {
      result.add(panel);
      result.addAll(Json.orEmpty(panel.panels()));
    }
    return List.copyOf(result);
  }

  /** The rows. */
  public List<Panel> rows() {
    return Json.orEmpty(panels).stream().filter(Panel::isRow).toList();
  }

  /** The first panel (not row) titled {@code title}. */
  public Optional<Panel> panel(String title) {
    requireNonNull(title, "title");
    return allPanels().stream().filter(p -> title.equals(p.title())).findFirst();
  }

  @Override
  public String toString() {
    return "Dashboard{uid=" + uid + ", title=" + title + ", panels=" + allPanels().size() + "}";
  }

  /** Builds a {@link Dashboard}. */
  public static final class Builder extends ObjectBuilder<Builder> {
    private final boolean layout;
    @Nullable private String uid;
    @Nullable private String title;
    @Nullable private String description;
    @Nullable private List<String> tags;
    @Nullable private String refresh;
    @Nullable private TimeRange time;
    @Nullable private ObjectNode timepicker;
    @Nullable private String timezone;
    @Nullable private Boolean editable;
    @Nullable private Integer graphTooltip;
    @Nullable private Integer schemaVersion;
    @Nullable private List<DashboardLink> links;
    @Nullable private List<Annotation> annotations;
    private final Map<String, JsonNode> annotationsProperties = new LinkedHashMap<>();
    @Nullable private List<Variable> variables;
    private final Map<String, JsonNode> templatingProperties = new LinkedHashMap<>();
    @Nullable private List<Panel> panels;

    private Builder(boolean layout) {
      this.layout = layout;
    }

    /** The stable id in URLs ({@code /d/<uid>}): at most 40 letters, digits, '-' or '_'. */
    public Builder uid(String uid) {
      this.uid = requireNonNull(uid, "uid");
      return this;
    }

    public Builder title(String title) {
      this.title = requireNonNull(title, "title");
      return this;
    }

    public Builder description(String description) {
      this.description = requireNonNull(description, "description");
      return this;
    }

    public Builder tags(String... tags) {
      return tags(List.of(tags));
    }

    public Builder tags(List<String> tags) {
      this.tags = new ArrayList<>(requireNonNull(tags, "tags"));
      return this;
    }

    /** The auto-refresh interval, such as {@code 30s}. */
    public Builder refresh(String refresh) {
      this.refresh = requireNonNull(refresh, "refresh");
      return this;
    }

    public Builder time(TimeRange time) {
      this.time = requireNonNull(time, "time");
      return this;
    }

    public Builder time(String from, String to) {
      return time(new TimeRange(from, to));
    }

    /** The auto-refresh intervals offered in the time picker. */
    public Builder refreshIntervals(String... intervals) {
      timepickerObject().set("refresh_intervals", Json.toNode(List.of(intervals)));
      return this;
    }

    public Builder timePickerHidden(boolean hidden) {
      timepickerObject().put("hidden", hidden);
      return this;
    }

    /** Replaces the whole time picker object. */
    public Builder timepicker(ObjectNode timepicker) {
      this.timepicker = requireNonNull(timepicker, "timepicker").deepCopy();
      return this;
    }

    private ObjectNode timepickerObject() {
      if (timepicker == null) {
        timepicker = Json.object();
      }
      return timepicker;
    }

    /** {@code browser}, {@code utc} or an IANA zone. */
    public Builder timezone(String timezone) {
      this.timezone = requireNonNull(timezone, "timezone");
      return this;
    }

    public Builder editable(boolean editable) {
      this.editable = editable;
      return this;
    }

    /**
     * 0 default, {@value Dashboard#SHARED_CROSSHAIR} shared crosshair, {@value
     * Dashboard#SHARED_TOOLTIP} shared tooltip.
     */
    public Builder graphTooltip(int graphTooltip) {
      this.graphTooltip = checkGraphTooltip(graphTooltip);
      return this;
    }

    public Builder schemaVersion(int schemaVersion) {
      this.schemaVersion = schemaVersion;
      return this;
    }

    public Builder link(DashboardLink link) {
      links = append(links, link, "link");
      return this;
    }

    public Builder link(DashboardLink.Builder link) {
      return link(requireNonNull(link, "link").build());
    }

    public Builder links(List<DashboardLink> links) {
      this.links = new ArrayList<>(requireNonNull(links, "links"));
      return this;
    }

    public Builder annotation(Annotation annotation) {
      annotations = append(annotations, annotation, "annotation");
      return this;
    }

    /** Replaces the annotations (the builder starts with Grafana's built-in one). */
    public Builder annotations(List<Annotation> annotations) {
      this.annotations = new ArrayList<>(requireNonNull(annotations, "annotations"));
      return this;
    }

    public Builder annotationsProperties(Map<String, JsonNode> properties) {
      annotationsProperties.putAll(Json.copyProperties(properties));
      return this;
    }

    public Builder variable(Variable variable) {
      variables = append(variables, variable, "variable");
      return this;
    }

    public Builder variable(Variable.Builder variable) {
      return variable(requireNonNull(variable, "variable").build());
    }

    public Builder variables(List<Variable> variables) {
      this.variables = new ArrayList<>(requireNonNull(variables, "variables"));
      return this;
    }

    public Builder templatingProperties(Map<String, JsonNode> properties) {
      templatingProperties.putAll(Json.copyProperties(properties));
      return this;
    }

    /** Adds a panel or a row, after those added before. */
    public Builder panel(Panel panel) {
      panels = append(panels, panel, "panel");
      return this;
    }

    public Builder panel(PanelBuilder<?> panel) {
      return panel(requireNonNull(panel, "panel").build());
    }

    public Builder row(RowBuilder row) {
      return panel(requireNonNull(row, "row").build());
    }

    public Builder panels(Panel... panels) {
      for (Panel panel : panels) {
        panel(panel);
      }
      return this;
    }

    public Builder panels(List<Panel> panels) {
      requireNonNull(panels, "panels");
      if (this.panels == null) {
        this.panels = new ArrayList<>();
      }
      panels.forEach(this::panel);
      return this;
    }

    /** Builds the dashboard, laying out its panels unless started with {@link #bareBuilder()}. */
    public Dashboard build() {
      return new Dashboard(
          uid, title, description, tags, refresh, time, timepicker, timezone, editable,
          graphTooltip, schemaVersion, links, annotations, annotationsProperties, variables,
          templatingProperties, panels != null && layout ? GridLayout.layOut(panels) : panels,
          additionalProperties);
    }
  }
}
