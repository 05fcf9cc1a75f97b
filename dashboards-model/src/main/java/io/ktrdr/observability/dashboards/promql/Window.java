package io.ktrdr.observability.dashboards.promql;

import static java.util.Objects.requireNonNull;

import io.ktrdr.observability.dashboards.internal.Nullable;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The range of a range-vector selector: Grafana's {@code $__rate_interval} (the default, right for
 * rate and increase at any zoom), {@code $__interval}, {@code $__range}, or a fixed duration that
 * must say why it is fixed.
 */
public final class Window {

  /** Grafana's window for rates: at least four scrape intervals, and one step. */
  public static final String RATE_INTERVAL = "$__rate_interval";
  /** Grafana's step of the query. */
  public static final String INTERVAL = "$__interval";
  /** The whole time range of the dashboard. */
  public static final String RANGE = "$__range";

  private static final Pattern DURATION = Pattern.compile("([0-9]+(ms|s|m|h|d|w|y))+");

  private final String text;
  @Nullable private final String fixedReason;

  private Window(String text, @Nullable String fixedReason) {
    this.text = text;
    this.fixedReason = fixedReason;
  }

  /** {@value #RATE_INTERVAL}. */
  public static Window rateInterval() {
    return new Window(RATE_INTERVAL, null);
  }

  /** {@value #INTERVAL}. */
  public static Window interval() {
    return new Window(INTERVAL, null);
  }

  /** {@value #RANGE}. */
  public static Window range() {
    return new Window(RANGE, null);
  }

  /**
   * A fixed duration such as {@code 5m}, with the reason it must not follow the dashboard's
   * interval.
   */
  public static Window fixed(String duration, String reason) {
    requireNonNull(duration, "duration");
    requireNonNull(reason, "reason");
    if (!DURATION.matcher(duration).matches()) {
      throw new IllegalArgumentException("not a PromQL duration: " + duration);
    }
    if (reason.isBlank()) {
      throw new IllegalArgumentException("fixed window " + duration + " needs a reason");
    }
    return new Window(duration, reason);
  }

  /** Why the window is fixed; empty for Grafana's variables. */
  public Optional<String> fixedReason() {
    return Optional.ofNullable(fixedReason);
  }

  @Override
  public String toString() {
    return text;
  }
}
