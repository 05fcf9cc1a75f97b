package io.ktrdr.observability.dashboards.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ktrdr.observability.dashboards.internal.Json;
import io.ktrdr.observability.dashboards.model.Annotation;
import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.dashboards.model.DashboardLink;
import io.ktrdr.observability.dashboards.model.DatasourceRef;
import io.ktrdr.observability.dashboards.model.FieldConfig;
import io.ktrdr.observability.dashboards.model.FieldDefaults;
import io.ktrdr.observability.dashboards.model.FieldOverride;
import io.ktrdr.observability.dashboards.model.GridPos;
import io.ktrdr.observability.dashboards.model.JaegerTarget;
import io.ktrdr.observability.dashboards.model.Panel;
import io.ktrdr.observability.dashboards.model.PrometheusTarget;
import io.ktrdr.observability.dashboards.model.RawTarget;
import io.ktrdr.observability.dashboards.model.Target;
import io.ktrdr.observability.dashboards.model.Transformation;
import io.ktrdr.observability.dashboards.model.ValueMapping;
import io.ktrdr.observability.dashboards.model.Variable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Turns the model into Grafana's JSON tree. Fields the model does not type are written first and
 * typed fields over them; keys are sorted afterwards, so the order here does not matter.
 */
final class DashboardWriter {

  private DashboardWriter() {}

  static ObjectNode dashboard(Dashboard dashboard) {
    ObjectNode out = properties(dashboard.additionalProperties());
    putText(out, "uid", dashboard.uid());
    putText(out, "title", dashboard.title());
    putText(out, "description", dashboard.description());
    if (dashboard.tags() != null) {
      out.set("tags", Json.toNode(dashboard.tags()));
    }
    putText(out, "refresh", dashboard.refresh());
    if (dashboard.time() != null) {
      ObjectNode time = out.putObject("time");
      time.put("from", dashboard.time().from());
      time.put("to", dashboard.time().to());
    }
    if (dashboard.timepicker() != null) {
      out.set("timepicker", dashboard.timepicker());
    }
    putText(out, "timezone", dashboard.timezone());
    putBoolean(out, "editable", dashboard.editable());
    putInt(out, "graphTooltip", dashboard.graphTooltip());
    putInt(out, "schemaVersion", dashboard.schemaVersion());
    if (dashboard.links() != null) {
      ArrayNode links = out.putArray("links");
      dashboard.links().forEach(link -> links.add(dashboardLink(link)));
    }
    if (dashboard.annotations() != null || !dashboard.annotationsProperties().isEmpty()) {
      ObjectNode annotations = properties(dashboard.annotationsProperties());
      if (dashboard.annotations() != null) {
        ArrayNode list = annotations.putArray("list");
        dashboard.annotations().forEach(annotation -> list.add(annotation(annotation)));
      }
      out.set("annotations", annotations);
    }
    if (dashboard.variables() != null || !dashboard.templatingProperties().isEmpty()) {
      ObjectNode templating = properties(dashboard.templatingProperties());
      if (dashboard.variables() != null) {
        ArrayNode list = templating.putArray("list");
        dashboard.variables().forEach(variable -> list.add(variable(variable)));
      }
      out.set("templating", templating);
    }
    if (dashboard.panels() != null) {
      ArrayNode panels = out.putArray("panels");
      for (Panel panel : dashboard.panels()) {
        if (panel.isRow() && !Boolean.TRUE.equals(panel.collapsed())) {
          // An open row lists no panels of its own: they follow it at the top level.
          ObjectNode row = panel(panel);
          if (panel.panels() != null) {
            row.putArray("panels");
          }
          panels.add(row);
          Json.orEmpty(panel.panels()).forEach(child -> panels.add(panel(child)));
        } else {
          ObjectNode node = panel(panel);
          if (panel.panels() != null) {
            ArrayNode children = node.putArray("panels");
            panel.panels().forEach(child -> children.add(panel(child)));
          }
          panels.add(node);
        }
      }
    }
    return sorted(out);
  }

  private static ObjectNode panel(Panel panel) {
    ObjectNode out = properties(panel.additionalProperties());
    putText(out, "type", panel.type());
    putText(out, "title", panel.title());
    putText(out, "description", panel.description());
    if (panel.datasource() != null) {
      out.set("datasource", datasource(panel.datasource()));
    }
    if (panel.targets() != null) {
      ArrayNode targets = out.putArray("targets");
      panel.targets().forEach(target -> targets.add(target(target)));
    }
    if (panel.fieldConfig() != null) {
      out.set("fieldConfig", fieldConfig(panel.fieldConfig()));
    }
    if (panel.options() != null) {
      out.set("options", panel.options());
    }
    if (panel.transformations() != null) {
      ArrayNode transformations = out.putArray("transformations");
      for (Transformation transformation : panel.transformations()) {
        transformations.add(transformation.toJson());
      }
    }
    if (panel.links() != null) {
      ArrayNode links = out.putArray("links");
      panel.links().forEach(link -> links.add(link.toJson()));
    }
    if (panel.gridPos() != null) {
      out.set("gridPos", gridPos(panel.gridPos()));
    }
    putInt(out, "id", panel.id());
    putBoolean(out, "collapsed", panel.collapsed());
    return out;
  }

  private static ObjectNode gridPos(GridPos gridPos) {
    ObjectNode out = Json.object();
    out.put("h", gridPos.h());
    out.put("w", gridPos.w());
    out.put("x", gridPos.x());
    out.put("y", gridPos.y());
    return out;
  }

  static ObjectNode datasource(DatasourceRef datasource) {
    ObjectNode out = properties(datasource.additionalProperties());
    putText(out, "type", datasource.type());
    putText(out, "uid", datasource.uid());
    return out;
  }

  private static ObjectNode target(Target target) {
    ObjectNode out = properties(target.additionalProperties());
    putText(out, "refId", target.refId());
    if (target.datasource() != null) {
      out.set("datasource", datasource(target.datasource()));
    }
    if (target instanceof PrometheusTarget) {
      PrometheusTarget prometheus = (PrometheusTarget) target;
      out.put("expr", prometheus.expr());
      putText(out, "legendFormat", prometheus.legendFormat());
      putBoolean(out, "instant", prometheus.instant());
      putBoolean(out, "range", prometheus.range());
      if (prometheus.format() != null) {
        out.put("format", prometheus.format().json());
      }
      putText(out, "interval", prometheus.interval());
      putBoolean(out, "exemplar", prometheus.exemplar());
      putBoolean(out, "hide", prometheus.hide());
    } else if (target instanceof JaegerTarget) {
      JaegerTarget jaeger = (JaegerTarget) target;
      putText(out, "queryType", jaeger.queryType());
      putText(out, "service", jaeger.service());
      putText(out, "operation", jaeger.operation());
      putText(out, "tags", jaeger.tags());
      putText(out, "minDuration", jaeger.minDuration());
      putText(out, "maxDuration", jaeger.maxDuration());
      putInt(out, "limit", jaeger.limit());
      putText(out, "query", jaeger.query());
      putBoolean(out, "hide", jaeger.hide());
    } else if (!(target instanceof RawTarget)) {
      throw new IllegalStateException("unknown target type: " + target.getClass().getName());
    }
    return out;
  }

  private static ObjectNode fieldConfig(FieldConfig fieldConfig) {
    ObjectNode out = properties(fieldConfig.additionalProperties());
    if (fieldConfig.defaults() != null) {
      out.set("defaults", fieldDefaults(fieldConfig.defaults()));
    }
    if (fieldConfig.overrides() != null) {
      ArrayNode overrides = out.putArray("overrides");
      for (FieldOverride override : fieldConfig.overrides()) {
        overrides.add(override.toJson());
      }
    }
    return out;
  }

  private static ObjectNode fieldDefaults(FieldDefaults defaults) {
    ObjectNode out = properties(defaults.additionalProperties());
    putText(out, "unit", defaults.unit());
    putInt(out, "decimals", defaults.decimals());
    putNumber(out, "min", defaults.min());
    putNumber(out, "max", defaults.max());
    putText(out, "displayName", defaults.displayName());
    putText(out, "noValue", defaults.noValue());
    if (defaults.thresholds() != null) {
      out.set("thresholds", defaults.thresholds().toJson());
    }
    if (defaults.mappings() != null) {
      ArrayNode mappings = out.putArray("mappings");
      for (ValueMapping mapping : defaults.mappings()) {
        mappings.add(mapping.toJson());
      }
    }
    if (defaults.links() != null) {
      ArrayNode links = out.putArray("links");
      defaults.links().forEach(link -> links.add(link.toJson()));
    }
    if (defaults.custom() != null) {
      out.set("custom", defaults.custom());
    }
    if (defaults.color() != null) {
      out.set("color", defaults.color());
    }
    return out;
  }

  private static ObjectNode dashboardLink(DashboardLink link) {
    ObjectNode out = properties(link.additionalProperties());
    putText(out, "type", link.type());
    putText(out, "title", link.title());
    putText(out, "url", link.url());
    if (link.tags() != null) {
      out.set("tags", Json.toNode(link.tags()));
    }
    putBoolean(out, "asDropdown", link.asDropdown());
    putBoolean(out, "includeVars", link.includeVars());
    putBoolean(out, "keepTime", link.keepTime());
    putBoolean(out, "targetBlank", link.targetBlank());
    putText(out, "icon", link.icon());
    putText(out, "tooltip", link.tooltip());
    return out;
  }

  private static ObjectNode annotation(Annotation annotation) {
    ObjectNode out = properties(annotation.additionalProperties());
    putText(out, "name", annotation.name());
    if (annotation.datasource() != null) {
      out.set("datasource", datasource(annotation.datasource()));
    }
    putBoolean(out, "enable", annotation.enable());
    putBoolean(out, "hide", annotation.hide());
    putText(out, "iconColor", annotation.iconColor());
    putText(out, "type", annotation.type());
    putInt(out, "builtIn", annotation.builtIn());
    putText(out, "expr", annotation.expr());
    return out;
  }

  private static ObjectNode variable(Variable variable) {
    ObjectNode out = properties(variable.additionalProperties());
    putText(out, "type", variable.type());
    putText(out, "name", variable.name());
    putText(out, "label", variable.label());
    putText(out, "description", variable.description());
    putText(out, "query", variable.query());
    putText(out, "definition", variable.definition());
    if (variable.datasource() != null) {
      out.set("datasource", datasource(variable.datasource()));
    }
    if (variable.current() != null) {
      out.set("current", variable.current());
    }
    putBoolean(out, "multi", variable.multi());
    putBoolean(out, "includeAll", variable.includeAll());
    putText(out, "allValue", variable.allValue());
    putInt(out, "refresh", variable.refresh());
    putInt(out, "sort", variable.sort());
    putInt(out, "hide", variable.hide());
    putText(out, "regex", variable.regex());
    return out;
  }

  private static ObjectNode properties(Map<String, JsonNode> properties) {
    ObjectNode out = Json.object();
    properties.forEach(out::set);
    return out;
  }

  private static void putText(ObjectNode out, String name, String value) {
    if (value != null) {
      out.put(name, value);
    }
  }

  private static void putBoolean(ObjectNode out, String name, Boolean value) {
    if (value != null) {
      out.put(name, value);
    }
  }

  private static void putInt(ObjectNode out, String name, Integer value) {
    if (value != null) {
      out.put(name, value);
    }
  }

  private static void putNumber(ObjectNode out, String name, Double value) {
    if (value != null) {
      out.set(name, Json.number(value));
    }
  }

  /** A copy of the tree with every object's keys in alphabetical order. */
  static JsonNode sortedTree(JsonNode node) {
    if (node.isObject()) {
      return sorted((ObjectNode) node);
    }
    if (node.isArray()) {
      ArrayNode out = Json.array();
      node.forEach(element -> out.add(sortedTree(element)));
      return out;
    }
    return node;
  }

  private static ObjectNode sorted(ObjectNode node) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    names.sort(null);
    ObjectNode out = Json.object();
    for (String name : names) {
      out.set(name, sortedTree(node.get(name)));
    }
    return out;
  }
}
