package io.ktrdr.observability.dashboards.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ktrdr.observability.dashboards.internal.Json;
import io.ktrdr.observability.dashboards.internal.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A template variable of a dashboard: datasource, query, custom, constant, textbox or interval.
 * Exposes its name, type and default (current) values so that callers can substitute it in
 * queries as the browser does. A null component is a field the JSON leaves out; {@code query} is
 * a plugin id for datasource variables, a PromQL or {@code label_values} query for query
 * variables, the comma-separated values of custom variables; {@code refresh}, {@code sort} and
 * {@code hide} are Grafana's codes ({@link Refresh}, {@link Sort}, {@link Hide} in order).
 *
 * <pre>{@code
 * Variable.datasource("datasource", DatasourceRef.PROMETHEUS).defaultValue("prometheus").build();
 * Variable.query("worker_type", DatasourceRef.prometheus("${datasource}"),
 *         "label_values(up{job=\"ktrdr-workers\"}, worker_type)")
 *     .multi(true).includeAll(true).allValue(".*").defaultAll().build();
 * }</pre>
 */
public record Variable(
    @Nullable String type,
    @Nullable String name,
    @Nullable String label,
    @Nullable String description,
    @Nullable String query,
    @Nullable String definition,
    @Nullable DatasourceRef datasource,
    @Nullable ObjectNode current,
    @Nullable Boolean multi,
    @Nullable Boolean includeAll,
    @Nullable String allValue,
    @Nullable Integer refresh,
    @Nullable Integer sort,
    @Nullable Integer hide,
    @Nullable String regex,
    Map<String, JsonNode> additionalProperties) {

  /** The value Grafana stores for "All". */
  public static final String ALL_VALUE = "$__all";

  /** When a query variable reloads its values. */
  public enum Refresh {
    NEVER,
    ON_DASHBOARD_LOAD,
    ON_TIME_RANGE_CHANGE
  }

  /** How a query variable sorts its values (Grafana's codes 0 to 8, in order). */
  public enum Sort {
    DISABLED,
    ALPHABETICAL_ASC,
    ALPHABETICAL_DESC,
    NUMERICAL_ASC,
    NUMERICAL_DESC,
    ALPHABETICAL_CASE_INSENSITIVE_ASC,
    ALPHABETICAL_CASE_INSENSITIVE_DESC,
    NATURAL_ASC,
    NATURAL_DESC
  }

  /** What of a variable is hidden on the dashboard. */
  public enum Hide {
    NOTHING,
    LABEL,
    VARIABLE
  }

  public Variable {
    current = Json.copy(current);
    additionalProperties = Json.copyProperties(additionalProperties);
  }

  /** A choice of datasource of plugin {@code pluginId}, such as {@link DatasourceRef#PROMETHEUS}. */
  public static Builder datasource(String name, String pluginId) {
    return new Builder("datasource", name).query(pluginId).refresh(Refresh.ON_DASHBOARD_LOAD);
  }

  /**
   * Values from a datasource query, such as {@code label_values(up, job)}, reloaded when the time
   * range changes and sorted alphabetically.
   */
  public static Builder query(String name, DatasourceRef datasource, String query) {
    return new Builder("query", name)
        .datasource(datasource)
        .query(query)
        .definition(query)
        .refresh(Refresh.ON_TIME_RANGE_CHANGE)
        .sort(Sort.ALPHABETICAL_ASC);
  }

  /** A fixed list of values; the first is the default. */
  public static Builder custom(String name, List<String> values) {
    requireNonNull(values, "values");
    if (values.isEmpty()) {
      throw new IllegalArgumentException("custom variable " + name + " has no values");
    }
    List<String> escaped = new ArrayList<>();
    for (String value : values) {
      escaped.add(requireNonNull(value, "value").replace(",", "\\,"));
    }
    return new Builder("custom", name).query(String.join(",", escaped)).defaultValue(values.get(0));
  }

  /** A hidden fixed value. */
  public static Builder constant(String name, String value) {
    return new Builder("constant", name).query(value).hide(Hide.VARIABLE).defaultValue(value);
  }

  /** A free text box, starting with {@code defaultValue}. */
  public static Builder textbox(String name, String defaultValue) {
    return new Builder("textbox", name).query(defaultValue).defaultValue(defaultValue);
  }

  /** A choice of intervals such as {@code 1m}, {@code 5m}; the first is the default. */
  public static Builder interval(String name, List<String> intervals) {
    requireNonNull(intervals, "intervals");
    if (intervals.isEmpty()) {
      throw new IllegalArgumentException("interval variable " + name + " has no intervals");
    }
    return new Builder("interval", name)
        .query(String.join(",", intervals))
        .refresh(Refresh.ON_TIME_RANGE_CHANGE)
        .defaultValue(intervals.get(0));
  }

  /** A variable of any type with nothing else set. */
  public static Builder builder(String type, String name) {
    return new Builder(requireNonNull(type, "type"), requireNonNull(name, "name"));
  }

  /** The current (default) selection as Grafana writes it; null when absent. */
  @Override
  @Nullable
  public ObjectNode current() {
    return Json.copy(current);
  }

  /**
   * The default values: {@code current.value} as a list (one element unless multi-valued);
   * {@value #ALL_VALUE} stands for "All". Empty when there is no default.
   */
  public List<String> defaultValues() {
    JsonNode value = current == null ? null : current.get("value");
    List<String> values = new ArrayList<>();
    if (value != null && value.isArray()) {
      value.forEach(element -> values.add(element.asText()));
    } else if (value != null && value.isValueNode() && !value.isNull()) {
      values.add(value.asText());
    }
    return List.copyOf(values);
  }

  /** Whether the default is "All". */
  public boolean defaultsToAll() {
    return defaultValues().contains(ALL_VALUE);
  }

  @Override
  public Map<String, JsonNode> additionalProperties() {
    return Json.copyProperties(additionalProperties);
  }

  @Override
  public String toString() {
    return "Variable{type=" + type + ", name=" + name + ", query=" + query
        + ", default=" + defaultValues() + "}";
  }

  /** Builds a {@link Variable}. */
  public static final class Builder extends ObjectBuilder<Builder> {
    private final String type;
    private final String name;
    @Nullable private String label;
    @Nullable private String description;
    @Nullable private String query;
    @Nullable private String definition;
    @Nullable private DatasourceRef datasource;
    @Nullable private ObjectNode current;
    @Nullable private Boolean multi;
    @Nullable private Boolean includeAll;
    @Nullable private String allValue;
    @Nullable private Integer refresh;
    @Nullable private Integer sort;
    @Nullable private Integer hide;
    @Nullable private String regex;

    private Builder(String type, String name) {
      this.type = type;
      this.name = requireNonNull(name, "name");
    }

    /** The name shown on the dashboard. */
    public Builder label(String label) {
      this.label = requireNonNull(label, "label");
      return this;
    }

    public Builder description(String description) {
      this.description = requireNonNull(description, "description");
      return this;
    }

    public Builder query(String query) {
      this.query = requireNonNull(query, "query");
      return this;
    }

    public Builder definition(String definition) {
      this.definition = requireNonNull(definition, "definition");
      return this;
    }

    public Builder datasource(DatasourceRef datasource) {
      this.datasource = requireNonNull(datasource, "datasource");
      return this;
    }

    /**
     * The default selection: one value, or several for a multi-value variable. For a datasource
     * variable, a datasource uid.
     */
    public Builder defaultValue(String... values) {
      requireNonNull(values, "values");
      if (values.length == 0) {
        throw new IllegalArgumentException("no default value for variable " + name);
      }
      ObjectNode node = Json.object();
      if (values.length == 1 && !Boolean.TRUE.equals(multi)) {
        String value = requireNonNull(values[0], "value");
        node.put("text", ALL_VALUE.equals(value) ? "All" : value);
        node.put("value", value);
      } else {
        ArrayNode texts = node.putArray("text");
        ArrayNode valueArray = node.putArray("value");
        for (String value : values) {
          requireNonNull(value, "value");
          texts.add(ALL_VALUE.equals(value) ? "All" : value);
          valueArray.add(value);
        }
      }
      this.current = node;
      return this;
    }

    /** Selects "All" by default (and includes the All option). */
    public Builder defaultAll() {
      includeAll(true);
      return defaultValue(ALL_VALUE);
    }

    /** The current selection as Grafana's JSON object. */
    public Builder current(ObjectNode current) {
      this.current = requireNonNull(current, "current").deepCopy();
      return this;
    }

    /** Lets users pick several values; a single default becomes a one-element list. */
    public Builder multi(boolean multi) {
      this.multi = multi;
      if (multi && current != null && current.has("value") && !current.get("value").isArray()) {
        ObjectNode node = Json.object();
        node.putArray("text").add(current.get("text"));
        node.putArray("value").add(current.get("value"));
        current = node;
      }
      return this;
    }

    public Builder includeAll(boolean includeAll) {
      this.includeAll = includeAll;
      return this;
    }

    /** The value substituted for "All", such as {@code .*}, instead of all values joined. */
    public Builder allValue(String allValue) {
      this.allValue = requireNonNull(allValue, "allValue");
      return this;
    }

    public Builder refresh(Refresh refresh) {
      this.refresh = requireNonNull(refresh, "refresh").ordinal();
      return this;
    }

    public Builder sort(Sort sort) {
      this.sort = requireNonNull(sort, "sort").ordinal();
      return this;
    }

    public Builder hide(Hide hide) {
      this.hide = requireNonNull(hide, "hide").ordinal();
      return this;
    }

    /** A regex filtering (and capturing from) the query's values or datasource names. */
    public Builder regex(String regex) {
      this.regex = requireNonNull(regex, "regex");
      return this;
    }

    public Variable build() {
      return new Variable(
          type, name, label, description, query, definition, datasource, current, multi,
          includeAll, allValue, refresh, sort, hide, regex, additionalProperties);
    }
  }
}
