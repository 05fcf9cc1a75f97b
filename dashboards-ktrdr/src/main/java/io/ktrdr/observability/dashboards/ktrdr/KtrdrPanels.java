package io.ktrdr.observability.dashboards.ktrdr;

import io.ktrdr.observability.dashboards.model.FieldOverride;
import io.ktrdr.observability.dashboards.model.Panel;
import io.ktrdr.observability.dashboards.model.PanelOptions.LegendMode;
import io.ktrdr.observability.dashboards.model.PanelOptions.LegendPlacement;
import io.ktrdr.observability.dashboards.model.PanelOptions.Reducer;
import io.ktrdr.observability.dashboards.model.PrometheusTarget;
import io.ktrdr.observability.dashboards.model.StatPanelBuilder;
import io.ktrdr.observability.dashboards.model.StatPanelBuilder.ColorMode;
import io.ktrdr.observability.dashboards.model.StatPanelBuilder.GraphMode;
import io.ktrdr.observability.dashboards.model.StatPanelBuilder.TextMode;
import io.ktrdr.observability.dashboards.model.StateTimelinePanelBuilder;
import io.ktrdr.observability.dashboards.model.TimeseriesPanelBuilder;
import io.ktrdr.observability.dashboards.model.Thresholds;
import io.ktrdr.observability.dashboards.model.Transformation;
import io.ktrdr.observability.dashboards.model.ValueMapping;
import io.ktrdr.observability.dashboards.promql.Expr;
import io.ktrdr.observability.dashboards.promql.PromQl;
import java.util.List;

/** Panel presets shared by the KTRDR dashboards: Prometheus panels with their usual settings. */
final class KtrdrPanels {

  /** Prometheus' {@code up}: 1 is a successful scrape, 0 a failed one. */
  static final ValueMapping UP_DOWN =
      ValueMapping.values().map("1", "UP", "green").map("0", "DOWN", "red").build();

  /** Red at 0, green from 1: for "up" and for counts of workers that must not drop to zero. */
  static final Thresholds ZERO_IS_BAD = Thresholds.absolute("red").step(1, "green").build();

  private KtrdrPanels() {}

  /** A range query on the Prometheus datasource variable. */
  static PrometheusTarget.Builder range(Expr expr, String legend) {
    return PromQl.target(expr).datasource(KtrdrVariables.PROMETHEUS).legendFormat(legend);
  }

  /** An instant query on the Prometheus datasource variable. */
  static PrometheusTarget.Builder instant(Expr expr, String legend) {
    return range(expr, legend).instant();
  }

  /** An instant query whose result Grafana turns into a table (one row per series). */
  static PrometheusTarget.Builder table(Expr expr) {
    return PromQl.target(expr)
        .datasource(KtrdrVariables.PROMETHEUS)
        .instant()
        .format(PrometheusTarget.Format.TABLE);
  }

  /** A stat panel on Prometheus showing the last value of each series, colored by thresholds. */
  static StatPanelBuilder stat(String title, String description) {
    return Panel.stat(title)
        .description(description)
        .datasource(KtrdrVariables.PROMETHEUS)
        .colorMode(ColorMode.VALUE)
        .graphMode(GraphMode.NONE)
        .textMode(TextMode.VALUE_AND_NAME)
        .reduce(Reducer.LAST_NOT_NULL);
  }

  /** A stat panel showing each series' {@code up} value as UP or DOWN on a colored background. */
  static StatPanelBuilder upDownStat(String title, String description) {
    return stat(title, description)
        .unit("none")
        .mapping(UP_DOWN)
        .thresholds(ZERO_IS_BAD)
        .fieldColorMode("thresholds")
        .colorMode(ColorMode.BACKGROUND);
  }

  /** A state timeline of {@code up} series: a green UP or red DOWN lane per target. */
  static StateTimelinePanelBuilder upDownTimeline(String title, String description) {
    return Panel.stateTimeline(title)
        .description(description)
        .datasource(KtrdrVariables.PROMETHEUS)
        .unit("none")
        .mapping(UP_DOWN)
        .thresholds(ZERO_IS_BAD)
        .fieldColorMode("thresholds");
  }

  /** A time series panel on Prometheus with a table legend of mean and max. */
  static TimeseriesPanelBuilder timeseries(String title, String description, String unit) {
    return Panel.timeseries(title)
        .description(description)
        .datasource(KtrdrVariables.PROMETHEUS)
        .unit(unit)
        .legend(LegendMode.TABLE, LegendPlacement.BOTTOM)
        .legendCalcs(Reducer.MEAN, Reducer.MAX, Reducer.LAST_NOT_NULL);
  }

  /** Shows the table column {@code name}, an {@code up} value, as UP or DOWN on green or red. */
  static FieldOverride upDownColumn(String name) {
    return FieldOverride.byName(name)
        .mappings(UP_DOWN)
        .thresholds(ZERO_IS_BAD)
        .colorMode("thresholds")
        .cellType("color-background")
        .build();
  }

  /**
   * Lays out a table's columns: drops Grafana's {@code Time} column and shows the given fields in
   * order under new names, as pairs {@code field, name, field, name, ...}.
   */
  static Transformation columns(String... fieldsAndNames) {
    return columns(true, fieldsAndNames);
  }

  /**
   * Lays out the columns of a table built from trace searches, as {@link #columns} does but
   * excluding nothing: a search frame has no {@code Time} column, and {@code organize}'s
   * {@code excludeByName: {Time: true}} also drops every time-typed field of a frame without
   * {@code meta.typeVersion}, such as {@code joinByField}'s output (its "Start time").
   */
  static Transformation searchColumns(String... fieldsAndNames) {
    return columns(false, fieldsAndNames);
  }

  private static Transformation columns(boolean dropTime, String... fieldsAndNames) {
    if (fieldsAndNames.length == 0 || fieldsAndNames.length % 2 != 0) {
      throw new IllegalArgumentException(
          "columns come in field, name pairs: " + List.of(fieldsAndNames));
    }
    Transformation.Builder organize = Transformation.organize();
    if (dropTime) {
      organize.excludeByName("Time");
    }
    for (int i = 0; i < fieldsAndNames.length; i += 2) {
      organize.indexByName(fieldsAndNames[i], i / 2);
      organize.renameByName(fieldsAndNames[i], fieldsAndNames[i + 1]);
    }
    return organize.build();
  }

  /** Colors the series or field named {@code name} with a fixed color. */
  static FieldOverride fixedColor(String name, String color) {
    return FieldOverride.byName(name).fixedColor(color).build();
  }
}
