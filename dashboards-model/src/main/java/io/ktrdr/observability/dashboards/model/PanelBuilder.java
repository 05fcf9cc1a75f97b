package io.ktrdr.observability.dashboards.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ktrdr.observability.dashboards.internal.Json;
import io.ktrdr.observability.dashboards.internal.Nullable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What every panel builder has: title, description, datasource, targets, field config, options,
 * transformations, links and size. The typed builders ({@link StatPanelBuilder}, ...) add their
 * type's options; {@link #option(String, Object)} and {@link #custom(String, Object)} reach
 * anything else.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class PanelBuilder<B extends PanelBuilder<B>> extends ObjectBuilder<B> {

  /** The most a panel can span: Grafana's 24 columns. */
  public static final int MAX_WIDTH = GridPos.COLUMNS;

  @Nullable final String type;
  @Nullable String title;
  @Nullable String description;
  @Nullable DatasourceRef datasource;
  @Nullable List<Target> targets;
  private boolean hasFieldConfig;
  @Nullable private FieldDefaults.Builder fieldDefaults;
  @Nullable private List<FieldOverride> overrides;
  private final Map<String, JsonNode> fieldConfigProperties = new LinkedHashMap<>();
  @Nullable ObjectNode options;
  @Nullable List<Transformation> transformations;
  @Nullable List<DataLink> links;
  @Nullable GridPos gridPos;
  @Nullable Integer id;
  int width;
  int height;
  @Nullable Boolean collapsed;
  @Nullable List<Panel> panels;

  /** A builder with nothing set but the type (for reading and generic panels). */
  PanelBuilder(@Nullable String type, int width, int height) {
    this.type = type;
    this.width = width;
    this.height = height;
  }

  /**
   * A typed builder with what Grafana writes for every panel: title, empty field config and
   * options, and (when {@code queries}) an empty target list.
   */
  PanelBuilder(String type, String title, int width, int height, boolean queries) {
    this(requireNonNull(type, "type"), width, height);
    this.title = requireNonNull(title, "title");
    this.hasFieldConfig = true;
    this.fieldDefaults = FieldDefaults.builder();
    this.overrides = new ArrayList<>();
    this.options = Json.object();
    if (queries) {
      this.targets = new ArrayList<>();
    }
  }

  public B title(String title) {
    this.title = requireNonNull(title, "title");
    return self();
  }

  /** What the panel shows and how to read it; shown in the panel's info tooltip. */
  public B description(String description) {
    this.description = requireNonNull(description, "description");
    return self();
  }

  public B datasource(DatasourceRef datasource) {
    this.datasource = requireNonNull(datasource, "datasource");
    return self();
  }

  /** Adds a query; refIds A, B, C... are assigned in order to queries without one. */
  public B target(Target target) {
    targets = append(targets, target, "target");
    return self();
  }

  public B target(TargetBuilder<?> target) {
    return target(requireNonNull(target, "target").build());
  }

  /** Replaces the queries. */
  public B targets(List<? extends Target> targets) {
    this.targets = new ArrayList<>(requireNonNull(targets, "targets"));
    return self();
  }

  private FieldDefaults.Builder defaults() {
    hasFieldConfig = true;
    if (fieldDefaults == null) {
      fieldDefaults = FieldDefaults.builder();
    }
    return fieldDefaults;
  }

  /** Grafana's unit id, such as {@code s}, {@code percentunit}, {@code reqps}, {@code short}. */
  public B unit(String unit) {
    defaults().unit(unit);
    return self();
  }

  public B decimals(int decimals) {
    defaults().decimals(decimals);
    return self();
  }

  public B min(double min) {
    defaults().min(min);
    return self();
  }

  public B max(double max) {
    defaults().max(max);
    return self();
  }

  public B thresholds(Thresholds thresholds) {
    defaults().thresholds(thresholds);
    return self();
  }

  public B mapping(ValueMapping mapping) {
    defaults().mapping(mapping);
    return self();
  }

  /** The text shown when there is no value. */
  public B noValue(String noValue) {
    defaults().noValue(noValue);
    return self();
  }

  public B displayName(String displayName) {
    defaults().displayName(displayName);
    return self();
  }

  /** A link on the field values (in tooltips, table cells, stat values). */
  public B dataLink(DataLink link) {
    defaults().link(link);
    return self();
  }

  /** Sets the color mode, such as {@code thresholds}, {@code palette-classic} or {@code fixed}. */
  public B fieldColorMode(String mode) {
    defaults().colorMode(mode);
    return self();
  }

  public B fixedColor(String color) {
    defaults().fixedColor(color);
    return self();
  }

  /** Sets a field option of the panel type at a dotted path below {@code fieldConfig.defaults.custom}. */
  public B custom(String path, Object value) {
    defaults().custom(path, value);
    return self();
  }

  public B override(FieldOverride override) {
    hasFieldConfig = true;
    overrides = append(overrides, override, "override");
    return self();
  }

  public B override(FieldOverride.Builder override) {
    return override(requireNonNull(override, "override").build());
  }

  /** Replaces the whole field config. */
  public B fieldConfig(FieldConfig fieldConfig) {
    requireNonNull(fieldConfig, "fieldConfig");
    hasFieldConfig = true;
    fieldDefaults = fieldConfig.defaults() == null ? null : fieldConfig.defaults().toBuilder();
    overrides = fieldConfig.overrides() == null ? null : new ArrayList<>(fieldConfig.overrides());
    fieldConfigProperties.clear();
    fieldConfigProperties.putAll(fieldConfig.additionalProperties());
    return self();
  }

  /** Sets the panel option at a dotted path, such as {@code legend.showLegend}. */
  public B option(String path, Object value) {
    if (options == null) {
      options = Json.object();
    }
    Json.setPath(options, path, value);
    return self();
  }

  /** Replaces the whole options object. */
  public B options(ObjectNode options) {
    this.options = requireNonNull(options, "options").deepCopy();
    return self();
  }

  public B transformation(Transformation transformation) {
    transformations = append(transformations, transformation, "transformation");
    return self();
  }

  public B transformation(Transformation.Builder transformation) {
    return transformation(requireNonNull(transformation, "transformation").build());
  }

  /** Replaces the transformations; an empty list is written as {@code []}. */
  public B transformations(List<Transformation> transformations) {
    this.transformations = new ArrayList<>(requireNonNull(transformations, "transformations"));
    return self();
  }

  /** Replaces the panel links; an empty list is written as {@code []}. */
  public B links(List<DataLink> links) {
    this.links = new ArrayList<>(requireNonNull(links, "links"));
    return self();
  }

  /** A panel link, in the panel header's link menu. */
  public B link(DataLink link) {
    links = append(links, link, "link");
    return self();
  }

  /** The width in grid columns, 1 to {@value #MAX_WIDTH}. */
  public B width(int width) {
    if (width < 1 || width > MAX_WIDTH) {
      throw new IllegalArgumentException("width must be 1 to " + MAX_WIDTH + ": " + width);
    }
    this.width = width;
    return self();
  }

  /** The height in grid units (about 30 px each). */
  public B height(int height) {
    if (height < 1) {
      throw new IllegalArgumentException("height must be positive: " + height);
    }
    this.height = height;
    return self();
  }

  public B size(int width, int height) {
    return width(width).height(height);
  }

  /** Places the panel by hand; the dashboard's layout keeps it. Meant for read dashboards. */
  public B gridPos(GridPos gridPos) {
    this.gridPos = requireNonNull(gridPos, "gridPos");
    return self();
  }

  /** Fixes the panel id; otherwise the dashboard assigns one. */
  public B id(int id) {
    this.id = id;
    return self();
  }

  /** Builds the panel; targets without a refId get the first free of A, B, C, ... */
  public Panel build() {
    return new Panel(
        type, title, description, datasource, assignRefIds(targets), fieldConfig(), options,
        transformations, links, gridPos, id, width, height, collapsed, panels,
        additionalProperties);
  }

  @Nullable
  private FieldConfig fieldConfig() {
    if (!hasFieldConfig) {
      return null;
    }
    return new FieldConfig(
        fieldDefaults == null ? null : fieldDefaults.build(), overrides, fieldConfigProperties);
  }

  static String json(Enum<?> value) {
    return requireNonNull(value, "value").name().toLowerCase(Locale.ROOT);
  }

  @Nullable
  private static List<Target> assignRefIds(@Nullable List<Target> targets) {
    if (targets == null) {
      return null;
    }
    Set<String> used = new HashSet<>();
    for (Target target : targets) {
      if (target.refId() != null) {
        used.add(target.refId());
      }
    }
    List<Target> result = new ArrayList<>();
    int next = 0;
    for (Target target : targets) {
      if (target.refId() != null) {
        result.add(target);
        continue;
      }
      String refId;
      do {
        refId = refId(next++);
      } while (used.contains(refId));
      used.add(refId);
      result.add(target.withRefId(refId));
    }
    return result;
  }

  /** A, B, ..., Z, AA, AB, ... as Grafana names queries. */
  static String refId(int index) {
    StringBuilder name = new StringBuilder();
    int n = index;
    do {
      name.insert(0, (char) ('A' + n % 26));
      n = n / 26 - 1;
    } while (n >= 0);
    return name.toString();
  }
}
