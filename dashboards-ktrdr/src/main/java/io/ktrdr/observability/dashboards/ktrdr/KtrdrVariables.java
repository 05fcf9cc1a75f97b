package io.ktrdr.observability.dashboards.ktrdr;

import io.ktrdr.observability.dashboards.model.DatasourceRef;
import io.ktrdr.observability.dashboards.model.Variable;
import java.util.List;

/**
 * The template variables of the KTRDR dashboards. The same names on every dashboard let the links
 * between them carry the selection along.
 *
 * <p>Filter variables are multi-value with "All" selected by default, and "All" stands for {@code
 * .*}: a service or operation type that appears later is still included.
 */
final class KtrdrVariables {

  /** The provisioned uid of the Prometheus datasource, the default of {@code $datasource}. */
  static final String PROMETHEUS_UID = "prometheus";
  /** The provisioned uid of the Jaeger datasource, the default of {@code $jaeger}. */
  static final String JAEGER_UID = "jaeger";

  /** Panels and queries reading Prometheus go through the datasource variable. */
  static final DatasourceRef PROMETHEUS = DatasourceRef.prometheus("${datasource}");
  /** Panels and queries reading Jaeger go through the jaeger variable. */
  static final DatasourceRef JAEGER = DatasourceRef.jaeger("${jaeger}");

  /** The operation types KTRDR records, as listed by its telemetry contract. */
  static final List<String> OPERATION_TYPES =
      List.of(
          "data_load",
          "training",
          "backtesting",
          "indicator_compute",
          "fuzzy_analysis",
          "dummy",
          "agent_research",
          "agent_design",
          "agent_assessment");

  private static final String ALL = ".*";

  private KtrdrVariables() {}

  static Variable prometheusDatasource() {
    return Variable.datasource("datasource", DatasourceRef.PROMETHEUS)
        .label("Prometheus")
        .defaultValue(PROMETHEUS_UID)
        .build();
  }

  static Variable jaegerDatasource() {
    return Variable.datasource("jaeger", DatasourceRef.JAEGER)
        .label("Jaeger")
        .defaultValue(JAEGER_UID)
        .build();
  }

  /** The {@code environment} target label (dev, ...) of every KTRDR target. */
  static Variable environment() {
    return filter(
        "environment",
        "Environment",
        "label_values(up{job=~\"ktrdr-backend|ktrdr-workers\"}, environment)");
  }

  /** The {@code service} target label: the backend and each worker. */
  static Variable service() {
    return filter(
        "service",
        "Service",
        "label_values(up{job=~\"ktrdr-backend|ktrdr-workers\", environment=~\"$environment\"},"
            + " service)");
  }

  /**
   * The {@code service} target label of the workers only; named {@code service} like on the
   * overview so that a selection carries over.
   */
  static Variable worker() {
    return filter(
        "service",
        "Worker",
        "label_values(up{job=\"ktrdr-workers\", environment=~\"$environment\","
            + " worker_type=~\"$worker_type\"}, service)");
  }

  /** The {@code worker_type} target label of the workers: backtesting or training. */
  static Variable workerType() {
    return filter(
        "worker_type",
        "Worker type",
        "label_values(up{job=\"ktrdr-workers\", environment=~\"$environment\"}, worker_type)");
  }

  /**
   * The {@code operation_type} label of the operation metrics. A fixed list from the contract, not
   * a query: the operation counters have no series until the first operation ends, and the filter
   * must work before that.
   */
  static Variable operationType() {
    return Variable.custom("operation_type", OPERATION_TYPES)
        .label("Operation type")
        .multi(true)
        .includeAll(true)
        .allValue(ALL)
        .defaultAll()
        .build();
  }

  private static Variable filter(String name, String label, String query) {
    return Variable.query(name, PROMETHEUS, query)
        .label(label)
        .multi(true)
        .includeAll(true)
        .allValue(ALL)
        .defaultAll()
        .build();
  }
}
