package io.ktrdr.observability.dashboards.lint;

/** The type of a metric family, as its exposition declares it. */
public enum MetricType {
  COUNTER,
  GAUGE,
  HISTOGRAM,
  SUMMARY,
  INFO,
  UNTYPED
}
