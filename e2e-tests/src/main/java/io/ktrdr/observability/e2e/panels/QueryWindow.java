package io.ktrdr.observability.e2e.panels;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;

/**
 * The time range of a panel's queries and the intervals Grafana derives from it for that panel: the
 * front end's {@code intervalMs} (what {@code $__interval} becomes), the backend's step, and
 * {@code $__rate_interval}.
 *
 * @param from start of the dashboard's time range
 * @param to end of the dashboard's time range
 * @param maxDataPoints points the panel can show: its {@code maxDataPoints}, else its width in pixels
 * @param lowLimit the panel's min interval, else the datasource's {@code timeInterval}
 * @param scrapeInterval the datasource's {@code timeInterval} (Grafana's default: 15 s)
 */
public record QueryWindow(
    Instant from, Instant to, long maxDataPoints, Duration lowLimit, Duration scrapeInterval) {
  public QueryWindow {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    requireNonNull(lowLimit, "lowLimit");
    requireNonNull(scrapeInterval, "scrapeInterval");
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("from must be before to: " + from + " >= " + to);
    }
    if (maxDataPoints <= 0) {
      throw new IllegalArgumentException("maxDataPoints must be positive: " + maxDataPoints);
    }
  }

  public Duration range() {
    return Duration.between(from, to);
  }

  /** {@code intervalMs}, the value of {@code $__interval}. */
  public Duration interval() {
    return GrafanaIntervals.interval(range(), maxDataPoints, lowLimit);
  }

  /** The step of a range query. */
  public Duration step() {
    return GrafanaIntervals.step(range(), interval());
  }

  /** {@code $__rate_interval}. */
  public Duration rateInterval() {
    return GrafanaIntervals.rateInterval(interval(), scrapeInterval);
  }

  /** {@code $__range} in whole seconds, rounded as Grafana rounds it. */
  public long rangeSeconds() {
    return Math.round(range().toMillis() / 1000.0);
  }

  /** The start of a range query: {@code from} aligned down to the step, as Grafana's backend aligns it. */
  public Instant alignedStart() {
    return alignDown(from);
  }

  /** The end of a range query: {@code to} aligned down to the step. */
  public Instant alignedEnd() {
    return alignDown(to);
  }

  private Instant alignDown(Instant time) {
    long stepMillis = step().toMillis();
    return Instant.ofEpochMilli(Math.floorDiv(time.toEpochMilli(), stepMillis) * stepMillis);
  }

  /**
   * Grafana's built-in variables in a Prometheus query, as its backend substitutes them: {@code
   * $__interval}, {@code $__interval_ms}, {@code $__range}, {@code $__range_s}, {@code
   * $__range_ms}, {@code $__rate_interval}, {@code $__rate_interval_ms}, with or without braces.
   */
  public String withBuiltIns(String expr) {
    String rate = GrafanaIntervals.goDuration(rateInterval());
    String interval = GrafanaIntervals.format(step());
    long rangeMillis = range().toMillis();
    return expr
        .replace("${__interval_ms}", Long.toString(step().toMillis()))
        .replace("$__interval_ms", Long.toString(step().toMillis()))
        .replace("${__rate_interval_ms}", Long.toString(rateInterval().toMillis()))
        .replace("$__rate_interval_ms", Long.toString(rateInterval().toMillis()))
        .replace("${__rate_interval}", rate)
        .replace("$__rate_interval", rate)
        .replace("${__interval}", interval)
        .replace("$__interval", interval)
        .replace("${__range_ms}", Long.toString(rangeMillis))
        .replace("$__range_ms", Long.toString(rangeMillis))
        .replace("${__range_s}", Long.toString(rangeSeconds()))
        .replace("$__range_s", Long.toString(rangeSeconds()))
        .replace("${__range}", rangeSeconds() + "s")
        .replace("$__range", rangeSeconds() + "s");
  }
}
