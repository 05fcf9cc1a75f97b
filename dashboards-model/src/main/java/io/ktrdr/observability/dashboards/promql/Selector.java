package io.ktrdr.observability.dashboards.promql;

import static java.util.Objects.requireNonNull;

import io.ktrdr.observability.dashboards.internal.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A metric selector with label matchers, such as {@code up{job="ktrdr-workers",
 * worker_type=~"$worker_type"}}. Values are quoted and escaped; Grafana variables may be used in
 * them. Immutable: each matcher returns a new selector.
 */
public final class Selector implements Expr {

  private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final Pattern OFFSET =
      Pattern.compile("-?([0-9]+(ms|s|m|h|d|w|y))+|\\$\\{?[a-zA-Z_][a-zA-Z0-9_]*\\}?");

  private final String metric;
  private final List<String> matchers;
  @Nullable private final String offset;

  private Selector(String metric, List<String> matchers, @Nullable String offset) {
    this.metric = metric;
    this.matchers = List.copyOf(matchers);
    this.offset = offset;
  }

  static Selector of(String metric) {
    requireNonNull(metric, "metric");
    if (!METRIC_NAME.matcher(metric).matches()) {
      throw new IllegalArgumentException("not a metric name: " + metric);
    }
    return new Selector(metric, List.of(), null);
  }

  /** The metric name. */
  public String metric() {
    return metric;
  }

  /** {@code label="value"}. */
  public Selector eq(String label, String value) {
    return with(label, "=", value);
  }

  /** {@code label!="value"}. */
  public Selector ne(String label, String value) {
    return with(label, "!=", value);
  }

  /** {@code label=~"regex"} (anchored at both ends by Prometheus). */
  public Selector re(String label, String regex) {
    return with(label, "=~", regex);
  }

  /** {@code label!~"regex"}. */
  public Selector nre(String label, String regex) {
    return with(label, "!~", regex);
  }

  /** Shifts the selection back in time, such as {@code offset 1d}. */
  public Selector offset(String duration) {
    requireNonNull(duration, "duration");
    if (!OFFSET.matcher(duration).matches()) {
      throw new IllegalArgumentException("not an offset duration: " + duration);
    }
    return new Selector(metric, matchers, duration);
  }

  private Selector with(String label, String operator, String value) {
    requireNonNull(label, "label");
    requireNonNull(value, "value");
    if (!LABEL_NAME.matcher(label).matches()) {
      throw new IllegalArgumentException("not a label name: " + label);
    }
    List<String> next = new ArrayList<>(matchers);
    next.add(label + operator + PromQl.quote(value));
    return new Selector(metric, next, offset);
  }

  @Override
  public List<Expr> children() {
    return List.of();
  }

  /** The selector over a range, as a function such as rate takes it. */
  String withRange(Window window) {
    return vector() + "[" + window + "]" + offsetSuffix();
  }

  private String vector() {
    return matchers.isEmpty() ? metric : metric + "{" + String.join(", ", matchers) + "}";
  }

  private String offsetSuffix() {
    return offset == null ? "" : " offset " + offset;
  }

  @Override
  public String toString() {
    return vector() + offsetSuffix();
  }
}
