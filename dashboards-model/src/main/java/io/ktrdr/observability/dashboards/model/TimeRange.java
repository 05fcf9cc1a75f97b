package io.ktrdr.observability.dashboards.model;

import static java.util.Objects.requireNonNull;

/** A dashboard's default time range, in Grafana's syntax ({@code now-6h} to {@code now}). */
public record TimeRange(String from, String to) {

  /** The last six hours, Grafana's own default. */
  public static final TimeRange LAST_6_HOURS = new TimeRange("now-6h", "now");

  public TimeRange {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
  }

  /** From {@code now-<duration>} to {@code now}, such as {@code last("1h")}. */
  public static TimeRange last(String duration) {
    return new TimeRange("now-" + requireNonNull(duration, "duration"), "now");
  }
}
