package io.ktrdr.observability.dashboards.lint;

import static java.util.Objects.requireNonNull;

import io.ktrdr.observability.dashboards.internal.Nullable;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The metrics a system exposes, by family name and type. Queries may name the series of a family:
 * a histogram {@code h} has {@code h_bucket}, {@code h_sum}, {@code h_count} and {@code
 * h_created}; a summary {@code s} has {@code s}, {@code s_sum}, {@code s_count}, {@code
 * s_created}; a counter may be listed with or without {@code _total} and has {@code _total} and
 * {@code _created} series. A family added with {@code createdSeries} false has no {@code
 * _created} series. The type listed decides, never the name: a gauge called {@code
 * x_total} is a gauge.
 *
 * <p>The series Prometheus adds to every scrape ({@value #UP} and the {@code scrape_*} series)
 * are in every catalog unless {@link Builder#withoutScrapeSeries()} is called.
 */
public final class MetricCatalog {

  /** Whether the target answered its last scrape: 1 or 0. */
  public static final String UP = "up";
  /** The series Prometheus adds for every scrape target. */
  public static final List<String> SCRAPE_SERIES =
      List.of(
          UP,
          "scrape_duration_seconds",
          "scrape_samples_scraped",
          "scrape_samples_post_metric_relabeling",
          "scrape_series_added");

  /** A series a query names, resolved to its family. */
  public static final class Series {
    private final String family;
    private final MetricType type;
    private final boolean cumulative;

    private Series(String family, MetricType type, boolean cumulative) {
      this.family = family;
      this.type = type;
      this.cumulative = cumulative;
    }

    /** The family name as listed in the catalog. */
    public String family() {
      return family;
    }

    public MetricType type() {
      return type;
    }

    /**
     * Whether the series only ever grows (counters, histogram buckets, sums and counts), so that
     * its raw value means little: it must be shown through rate() or increase().
     */
    public boolean isCumulative() {
      return cumulative;
    }
  }

  private final Map<String, MetricType> families;
  private final Set<String> withoutCreated;

  private MetricCatalog(Map<String, MetricType> families, Set<String> withoutCreated) {
    this.families = Collections.unmodifiableMap(new LinkedHashMap<>(families));
    this.withoutCreated = Set.copyOf(withoutCreated);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The families and their types, in the order added. */
  public Map<String, MetricType> families() {
    return families;
  }

  /** Whether {@code seriesName} is a series of some family of the catalog. */
  public boolean contains(String seriesName) {
    return resolve(seriesName).isPresent();
  }

  /** The family of {@code seriesName}, if the catalog has it. */
  public Optional<Series> resolve(String seriesName) {
    requireNonNull(seriesName, "seriesName");
    MetricType exact = families.get(seriesName);
    if (exact != null) {
      boolean cumulative =
          exact == MetricType.COUNTER || exact == MetricType.HISTOGRAM;
      return Optional.of(new Series(seriesName, exact, cumulative));
    }
    if (seriesName.endsWith("_total")) {
      Series counter = counter(strip(seriesName, "_total"), true);
      if (counter != null) {
        return Optional.of(counter);
      }
    }
    if (seriesName.endsWith("_created")) {
      String base = strip(seriesName, "_created");
      Series series = counter(base, false);
      if (series == null) {
        series = family(base, false, MetricType.HISTOGRAM, MetricType.SUMMARY);
      }
      if (series != null && !withoutCreated.contains(series.family())) {
        return Optional.of(series);
      }
    }
    for (String suffix : List.of("_bucket", "_sum", "_count")) {
      if (seriesName.endsWith(suffix)) {
        String base = strip(seriesName, suffix);
        Series series =
            suffix.equals("_bucket")
                ? family(base, true, MetricType.HISTOGRAM)
                : family(base, true, MetricType.HISTOGRAM, MetricType.SUMMARY);
        if (series != null) {
          return Optional.of(series);
        }
      }
    }
    return Optional.empty();
  }

  @Nullable
  private Series counter(String base, boolean cumulative) {
    for (String name : List.of(base, base + "_total")) {
      if (families.get(name) == MetricType.COUNTER) {
        return new Series(name, MetricType.COUNTER, cumulative);
      }
    }
    return null;
  }

  @Nullable
  private Series family(String base, boolean cumulative, MetricType... types) {
    MetricType type = families.get(base);
    for (MetricType candidate : types) {
      if (candidate == type) {
        return new Series(base, type, cumulative);
      }
    }
    return null;
  }

  private static String strip(String name, String suffix) {
    return name.substring(0, name.length() - suffix.length());
  }

  /** Builds a {@link MetricCatalog}. */
  public static final class Builder {
    private final Map<String, MetricType> families = new LinkedHashMap<>();
    private final Set<String> withoutCreated = new HashSet<>();
    private boolean scrapeSeries = true;

    private Builder() {}

    public Builder metric(String name, MetricType type) {
      requireNonNull(name, "name");
      requireNonNull(type, "type");
      MetricType previous = families.putIfAbsent(name, type);
      if (previous != null && previous != type) {
        throw new IllegalArgumentException(
            "metric " + name + " listed as " + previous + " and " + type);
      }
      return this;
    }

    /**
     * A family, saying whether it has a {@code _created} series: Prometheus client libraries add
     * one to counters, histograms and summaries; OpenTelemetry's exporter and runtime collectors
     * often do not.
     */
    public Builder metric(String name, MetricType type, boolean createdSeries) {
      metric(name, type);
      if (createdSeries) {
        withoutCreated.remove(name);
      } else {
        withoutCreated.add(name);
      }
      return this;
    }

    public Builder counter(String name) {
      return metric(name, MetricType.COUNTER);
    }

    public Builder gauge(String name) {
      return metric(name, MetricType.GAUGE);
    }

    public Builder histogram(String name) {
      return metric(name, MetricType.HISTOGRAM);
    }

    public Builder summary(String name) {
      return metric(name, MetricType.SUMMARY);
    }

    public Builder info(String name) {
      return metric(name, MetricType.INFO);
    }

    public Builder untyped(String name) {
      return metric(name, MetricType.UNTYPED);
    }

    /**
     * A series a recording rule writes, such as {@code job:http_requests:rate5m}; already a rate
     * or a level, so it may be shown as it is.
     */
    public Builder recorded(String name) {
      return metric(name, MetricType.UNTYPED);
    }

    /** Leaves out {@value #UP} and the {@code scrape_*} series. */
    public Builder withoutScrapeSeries() {
      scrapeSeries = false;
      return this;
    }

    public MetricCatalog build() {
      Map<String, MetricType> all = new LinkedHashMap<>(families);
      if (scrapeSeries) {
        SCRAPE_SERIES.forEach(name -> all.putIfAbsent(name, MetricType.GAUGE));
      }
      return new MetricCatalog(all, withoutCreated);
    }
  }
}
