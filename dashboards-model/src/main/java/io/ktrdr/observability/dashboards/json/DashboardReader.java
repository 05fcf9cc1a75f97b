package io.ktrdr.observability.dashboards.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ktrdr.observability.dashboards.internal.Nullable;
import io.ktrdr.observability.dashboards.model.Annotation;
import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.dashboards.model.DashboardLink;
import io.ktrdr.observability.dashboards.model.DataLink;
import io.ktrdr.observability.dashboards.model.DatasourceRef;
import io.ktrdr.observability.dashboards.model.FieldConfig;
import io.ktrdr.observability.dashboards.model.FieldDefaults;
import io.ktrdr.observability.dashboards.model.FieldOverride;
import io.ktrdr.observability.dashboards.model.GenericPanelBuilder;
import io.ktrdr.observability.dashboards.model.GridPos;
import io.ktrdr.observability.dashboards.model.JaegerTarget;
import io.ktrdr.observability.dashboards.model.Panel;
import io.ktrdr.observability.dashboards.model.PrometheusTarget;
import io.ktrdr.observability.dashboards.model.RawTarget;
import io.ktrdr.observability.dashboards.model.Target;
import io.ktrdr.observability.dashboards.model.ThresholdStep;
import io.ktrdr.observability.dashboards.model.Thresholds;
import io.ktrdr.observability.dashboards.model.TimeRange;
import io.ktrdr.observability.dashboards.model.Transformation;
import io.ktrdr.observability.dashboards.model.ValueMapping;
import io.ktrdr.observability.dashboards.model.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads Grafana's JSON tree into the model's records, so that nothing is added, and keeps every
 * field it does not type in the additional properties of its object.
 */
final class DashboardReader {

  private DashboardReader() {}

  static Dashboard dashboard(ObjectNode node) {
    Fields fields = new Fields(node);
    Fields annotations = nested(fields, "annotations");
    Fields templating = nested(fields, "templating");
    List<Panel> panels = fields.objects("panels", DashboardReader::panel);
    return new Dashboard(
        fields.text("uid"),
        fields.text("title"),
        fields.text("description"),
        fields.texts("tags"),
        fields.text("refresh"),
        timeRange(fields),
        fields.object("timepicker"),
        fields.text("timezone"),
        fields.bool("editable"),
        graphTooltip(fields),
        fields.integer("schemaVersion"),
        fields.objects("links", DashboardReader::dashboardLink),
        annotations == null ? null : annotations.objects("list", DashboardReader::annotation),
        annotations == null ? Map.of() : annotations.rest(),
        templating == null ? null : templating.objects("list", DashboardReader::variable),
        templating == null ? Map.of() : templating.rest(),
        panels == null ? null : groupIntoRows(panels),
        fields.rest());
  }

  /** The fields of the object {@code name}, taken; null when there is none. */
  @Nullable
  private static Fields nested(Fields fields, String name) {
    ObjectNode node = fields.object(name);
    return node == null ? null : new Fields(node);
  }

  @Nullable
  private static Integer graphTooltip(Fields fields) {
    JsonNode value = fields.rest().get("graphTooltip");
    if (value != null && value.isInt() && value.intValue() >= 0 && value.intValue() <= 2) {
      return fields.integer("graphTooltip");
    }
    return null;
  }

  @Nullable
  private static TimeRange timeRange(Fields fields) {
    ObjectNode time = fields.peekObject("time");
    if (time == null
        || time.size() != 2
        || !time.path("from").isTextual()
        || !time.path("to").isTextual()) {
      return null;
    }
    fields.object("time");
    return new TimeRange(time.get("from").textValue(), time.get("to").textValue());
  }

  /**
   * An open row's panels follow it at the top level; in the model they belong to the row. Only
   * rows that have a {@code panels} list take followers, so that writing gives back the input.
   */
  private static List<Panel> groupIntoRows(List<Panel> topLevel) {
    List<Panel> result = new ArrayList<>();
    Panel openRow = null;
    List<Panel> followers = new ArrayList<>();
    for (Panel panel : topLevel) {
      if (panel.isRow()) {
        closeRow(result, openRow, followers);
        followers = new ArrayList<>();
        boolean takesFollowers =
            !Boolean.TRUE.equals(panel.collapsed())
                && panel.panels() != null
                && panel.panels().isEmpty();
        if (takesFollowers) {
          openRow = panel;
        } else {
          openRow = null;
          result.add(panel);
        }
      } else if (openRow != null) {
        followers.add(panel);
      } else {
        result.add(panel);
      }
    }
    closeRow(result, openRow, followers);
    return result;
  }

  private static void closeRow(List<Panel> result, @Nullable Panel row, List<Panel> followers) {
    if (row != null) {
      result.add(row.withPanels(followers));
    }
  }

  private static Panel panel(ObjectNode node) {
    Fields fields = new Fields(node);
    String type = fields.text("type");
    String title = fields.text("title");
    String description = fields.text("description");
    DatasourceRef datasource = datasource(fields);
    return new Panel(
        type,
        title,
        description,
        datasource,
        fields.objects("targets", target -> target(target, datasource)),
        fieldConfig(fields.object("fieldConfig")),
        fields.object("options"),
        fields.objects("transformations", Transformation::read),
        fields.objects("links", DashboardReader::dataLink),
        gridPos(fields),
        fields.integer("id"),
        GenericPanelBuilder.DEFAULT_WIDTH,
        GenericPanelBuilder.DEFAULT_HEIGHT,
        fields.bool("collapsed"),
        fields.objects("panels", DashboardReader::panel),
        fields.rest());
  }

  @Nullable
  private static GridPos gridPos(Fields fields) {
    ObjectNode node = fields.peekObject("gridPos");
    if (node == null || node.size() != 4) {
      return null;
    }
    for (String name : List.of("x", "y", "w", "h")) {
      if (!node.path(name).isInt()) {
        return null;
      }
    }
    fields.object("gridPos");
    return new GridPos(
        node.get("x").intValue(),
        node.get("y").intValue(),
        node.get("w").intValue(),
        node.get("h").intValue());
  }

  @Nullable
  private static DatasourceRef datasource(Fields fields) {
    ObjectNode node = fields.object("datasource");
    if (node == null) {
      return null;
    }
    Fields datasource = new Fields(node);
    return new DatasourceRef(datasource.text("type"), datasource.text("uid"), datasource.rest());
  }

  private static Target target(ObjectNode node, @Nullable DatasourceRef panelDatasource) {
    Fields fields = new Fields(node);
    String refId = fields.text("refId");
    DatasourceRef datasource = datasource(fields);
    DatasourceRef effective = datasource != null ? datasource : panelDatasource;
    String kind = effective == null ? null : effective.type();
    boolean hasExpr = node.path("expr").isTextual();
    if (hasExpr && (DatasourceRef.PROMETHEUS.equals(kind) || kind == null)) {
      return prometheusTarget(fields, refId, datasource);
    }
    if (DatasourceRef.JAEGER.equals(kind)) {
      return jaegerTarget(fields, refId, datasource);
    }
    return RawTarget.of(refId, datasource, fields.rest());
  }

  private static PrometheusTarget prometheusTarget(
      Fields fields, @Nullable String refId, @Nullable DatasourceRef datasource) {
    return new PrometheusTarget(
        refId,
        datasource,
        fields.text("expr"),
        fields.text("legendFormat"),
        fields.bool("instant"),
        fields.bool("range"),
        format(fields),
        fields.text("interval"),
        fields.bool("exemplar"),
        fields.bool("hide"),
        null,
        fields.rest());
  }

  @Nullable
  private static PrometheusTarget.Format format(Fields fields) {
    JsonNode format = fields.rest().get("format");
    if (format != null
        && format.isTextual()
        && PrometheusTarget.Format.fromJson(format.textValue()) != null) {
      return PrometheusTarget.Format.fromJson(fields.text("format"));
    }
    return null;
  }

  private static JaegerTarget jaegerTarget(
      Fields fields, @Nullable String refId, @Nullable DatasourceRef datasource) {
    return new JaegerTarget(
        refId,
        datasource,
        fields.text("queryType"),
        fields.text("service"),
        fields.text("operation"),
        fields.text("tags"),
        fields.text("minDuration"),
        fields.text("maxDuration"),
        positive(fields, "limit"),
        fields.text("query"),
        fields.bool("hide"),
        fields.rest());
  }

  /** An integer field that is positive; any other value stays in the rest. */
  @Nullable
  private static Integer positive(Fields fields, String name) {
    JsonNode value = fields.rest().get(name);
    return value != null && value.isInt() && value.intValue() > 0 ? fields.integer(name) : null;
  }

  @Nullable
  private static FieldConfig fieldConfig(@Nullable ObjectNode node) {
    if (node == null) {
      return null;
    }
    Fields fields = new Fields(node);
    ObjectNode defaults = fields.object("defaults");
    List<FieldOverride> overrides = fields.objects("overrides", FieldOverride::read);
    return new FieldConfig(
        defaults == null ? null : fieldDefaults(defaults), overrides, fields.rest());
  }

  private static FieldDefaults fieldDefaults(ObjectNode node) {
    Fields fields = new Fields(node);
    JsonNode decimals = fields.rest().get("decimals");
    return new FieldDefaults(
        fields.text("unit"),
        decimals != null && decimals.isInt() && decimals.intValue() >= 0
            ? fields.integer("decimals")
            : null,
        fields.number("min"),
        fields.number("max"),
        fields.text("displayName"),
        fields.text("noValue"),
        thresholds(fields.object("thresholds")),
        fields.objects("mappings", ValueMapping::read),
        fields.objects("links", DashboardReader::dataLink),
        fields.object("custom"),
        fields.object("color"),
        fields.rest());
  }

  @Nullable
  private static Thresholds thresholds(@Nullable ObjectNode node) {
    if (node == null) {
      return null;
    }
    Fields fields = new Fields(node);
    String mode = fields.text("mode");
    List<ThresholdStep> steps = fields.objects("steps", DashboardReader::thresholdStep);
    return new Thresholds(mode, steps, fields.rest());
  }

  private static ThresholdStep thresholdStep(ObjectNode node) {
    Fields fields = new Fields(node);
    String color = fields.text("color");
    Double value = fields.number("value");
    Map<String, JsonNode> rest = fields.rest();
    if (value == null && node.path("value").isNull()) {
      // The base step; the writer puts "value": null back.
      rest.remove("value");
    }
    return new ThresholdStep(color, value, rest);
  }

  private static DataLink dataLink(ObjectNode node) {
    Fields fields = new Fields(node);
    return new DataLink(
        fields.text("title"), fields.text("url"), fields.bool("targetBlank"), fields.rest());
  }

  private static DashboardLink dashboardLink(ObjectNode node) {
    Fields fields = new Fields(node);
    return new DashboardLink(
        fields.text("type"),
        fields.text("title"),
        fields.text("url"),
        fields.texts("tags"),
        fields.bool("asDropdown"),
        fields.bool("includeVars"),
        fields.bool("keepTime"),
        fields.bool("targetBlank"),
        fields.text("icon"),
        fields.text("tooltip"),
        fields.rest());
  }

  private static Annotation annotation(ObjectNode node) {
    Fields fields = new Fields(node);
    return new Annotation(
        fields.text("name"),
        datasource(fields),
        fields.bool("enable"),
        fields.bool("hide"),
        fields.text("iconColor"),
        fields.text("type"),
        fields.integer("builtIn"),
        fields.text("expr"),
        fields.rest());
  }

  private static Variable variable(ObjectNode node) {
    Fields fields = new Fields(node);
    return new Variable(
        fields.text("type"),
        fields.text("name"),
        fields.text("label"),
        fields.text("description"),
        fields.text("query"),
        fields.text("definition"),
        datasource(fields),
        fields.object("current"),
        fields.bool("multi"),
        fields.bool("includeAll"),
        fields.text("allValue"),
        fields.integer("refresh"),
        fields.integer("sort"),
        fields.integer("hide"),
        fields.text("regex"),
        fields.rest());
  }
}
