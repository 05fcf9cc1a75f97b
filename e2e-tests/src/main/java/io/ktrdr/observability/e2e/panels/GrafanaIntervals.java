package io.ktrdr.observability.e2e.panels;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Grafana's interval arithmetic, as its front end ({@code rangeutil}) and its Prometheus backend
 * ({@code promlib}, {@code gtime}) do it: the rounding of {@code $__interval}, the text forms of
 * intervals, and {@code $__rate_interval}.
 */
public final class GrafanaIntervals {
  /** Data points Grafana's backend allows a query at most before it coarsens the step: {@value}. */
  public static final long SAFE_RESOLUTION = 11_000;

  private static final long[][] ROUNDING = {
    // upper bound (ms, inclusive), rounded interval (ms)
    {10, 1},
    {15, 10},
    {35, 20},
    {75, 50},
    {150, 100},
    {350, 200},
    {750, 500},
    {1_500, 1_000},
    {3_500, 2_000},
    {7_500, 5_000},
    {12_500, 10_000},
    {17_500, 15_000},
    {25_000, 20_000},
    {45_000, 30_000},
    {90_000, 60_000},
    {210_000, 120_000},
    {450_000, 300_000},
    {1_350_000, 900_000},
    {2_700_000, 1_800_000},
    {5_400_000, 3_600_000},
    {9_000_000, 7_200_000},
    {16_200_000, 10_800_000},
    {32_400_000, 21_600_000},
    {86_400_000, 43_200_000},
    {604_800_000, 86_400_000},
    {1_814_400_000, 604_800_000},
  };

  private GrafanaIntervals() {}

  /** Grafana's {@code roundInterval}: the nearest "nice" interval at or below about 1.5x. */
  public static Duration round(Duration interval) {
    requireNonNull(interval, "interval");
    long millis = interval.toMillis();
    for (long[] step : ROUNDING) {
      if (millis <= step[0]) {
        return Duration.ofMillis(step[1]);
      }
    }
    return millis < 3_628_800_000L ? Duration.ofDays(30) : Duration.ofDays(365);
  }

  /**
   * The interval the front end sends as {@code intervalMs} and substitutes for {@code $__interval}:
   * the time range divided by the data points the panel can show, rounded, and never below
   * {@code lowLimit} (the panel's min interval, else the datasource's {@code timeInterval}).
   */
  public static Duration interval(Duration range, long maxDataPoints, Duration lowLimit) {
    requireNonNull(range, "range");
    requireNonNull(lowLimit, "lowLimit");
    if (maxDataPoints <= 0) {
      throw new IllegalArgumentException("maxDataPoints must be positive: " + maxDataPoints);
    }
    Duration rounded = round(range.dividedBy(maxDataPoints));
    return rounded.compareTo(lowLimit) < 0 ? lowLimit : rounded;
  }

  /**
   * The step of a Prometheus range query, as the backend computes it from the front end's
   * interval: never finer than {@link #SAFE_RESOLUTION} points over the range allow.
   */
  public static Duration step(Duration range, Duration interval) {
    Duration safe = round(range.dividedBy(SAFE_RESOLUTION));
    return interval.compareTo(safe) >= 0 ? interval : safe;
  }

  /** {@code $__rate_interval}: max(interval + scrape interval, 4 x scrape interval). */
  public static Duration rateInterval(Duration interval, Duration scrapeInterval) {
    requireNonNull(interval, "interval");
    requireNonNull(scrapeInterval, "scrapeInterval");
    Duration sum = interval.plus(scrapeInterval);
    Duration fourScrapes = scrapeInterval.multipliedBy(4);
    return sum.compareTo(fourScrapes) >= 0 ? sum : fourScrapes;
  }

  /** Grafana's {@code gtime.FormatInterval}, the text of {@code $__interval}: 15s, 2m, 1h, 1d, 500ms. */
  public static String format(Duration interval) {
    long millis = interval.toMillis();
    long[] units = {365L * 86_400_000, 86_400_000, 3_600_000, 60_000, 1_000, 1};
    String[] names = {"y", "d", "h", "m", "s", "ms"};
    for (int i = 0; i < units.length; i++) {
      if (millis >= units[i]) {
        return millis / units[i] + names[i];
      }
    }
    return "1ms";
  }

  /**
   * Go's {@code time.Duration.String()}, the text Grafana gives {@code $__rate_interval}: 4s, 1m0s,
   * 1h30m0s, 1.5s.
   */
  public static String goDuration(Duration duration) {
    requireNonNull(duration, "duration");
    if (duration.isZero()) {
      return "0s";
    }
    long totalMillis = duration.toMillis();
    if (totalMillis < 1_000) {
      return totalMillis + "ms";
    }
    long hours = totalMillis / 3_600_000;
    long minutes = totalMillis % 3_600_000 / 60_000;
    long millis = totalMillis % 60_000;
    String seconds = millis % 1_000 == 0
        ? Long.toString(millis / 1_000)
        : stripZeros(String.format(java.util.Locale.ROOT, "%d.%03d", millis / 1_000, millis % 1_000));
    StringBuilder text = new StringBuilder();
    if (hours > 0) {
      text.append(hours).append('h');
    }
    if (hours > 0 || minutes > 0) {
      text.append(minutes).append('m');
    }
    return text.append(seconds).append('s').toString();
  }

  private static String stripZeros(String decimal) {
    String stripped = decimal;
    while (stripped.endsWith("0")) {
      stripped = stripped.substring(0, stripped.length() - 1);
    }
    return stripped;
  }

  /** Reads an interval as Grafana accepts it in {@code timeInterval} and panel intervals: 15s, 1m, 500ms, 2h, 1d. */
  public static Duration parse(String text) {
    requireNonNull(text, "text");
    java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("(\\d+)(ms|s|m|h|d|w|y)").matcher(text.strip());
    if (!matcher.matches()) {
      throw new IllegalArgumentException("not an interval such as 15s, 1m or 500ms: " + text);
    }
    long amount = Long.parseLong(matcher.group(1));
    return switch (matcher.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      case "d" -> Duration.ofDays(amount);
      case "w" -> Duration.ofDays(7 * amount);
      default -> Duration.ofDays(365 * amount);
    };
  }
}
