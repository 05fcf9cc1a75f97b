package io.ktrdr.observability.dashboards.promql;

import static java.util.Objects.requireNonNull;

import io.ktrdr.observability.dashboards.model.PrometheusTarget;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Composes PromQL expressions instead of concatenating strings. Rates use {@code
 * $__rate_interval} unless given a {@link Window#fixed fixed window} with a reason.
 *
 * <pre>{@code
 * import static io.ktrdr.observability.dashboards.promql.PromQl.*;
 *
 * histogramQuantile(0.95,
 *     sum(rate(metric("ktrdr_operation_duration_seconds_bucket")
 *         .re("operation_type", "$operation_type"))).by("le", "operation_type"))
 * // histogram_quantile(0.95, sum by (le, operation_type)
 * //     (rate(ktrdr_operation_duration_seconds_bucket{operation_type=~"$operation_type"}[$__rate_interval])))
 * }</pre>
 */
public final class PromQl {

  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  private PromQl() {}

  /** Selects the series of {@code metric}; add matchers with {@code eq}, {@code re}, .... */
  public static Selector metric(String name) {
    return Selector.of(name);
  }

  /** Per-second rate of a counter over {@code $__rate_interval}. */
  public static Expr rate(Selector counter) {
    return rangeFunction("rate", counter, Window.rateInterval());
  }

  public static Expr rate(Selector counter, Window window) {
    return rangeFunction("rate", counter, window);
  }

  /** Increase of a counter over {@code $__rate_interval}. */
  public static Expr increase(Selector counter) {
    return rangeFunction("increase", counter, Window.rateInterval());
  }

  /** Increase of a counter over {@code window}, such as {@link Window#range()} for the whole range. */
  public static Expr increase(Selector counter, Window window) {
    return rangeFunction("increase", counter, window);
  }

  /** Per-second rate from the last two samples within {@code $__rate_interval}. */
  public static Expr irate(Selector counter) {
    return rangeFunction("irate", counter, Window.rateInterval());
  }

  /** Difference of a gauge over {@code $__rate_interval}. */
  public static Expr delta(Selector gauge) {
    return rangeFunction("delta", gauge, Window.rateInterval());
  }

  /** Per-second derivative of a gauge over {@code $__rate_interval}. */
  public static Expr deriv(Selector gauge) {
    return rangeFunction("deriv", gauge, Window.rateInterval());
  }

  /** How often the value changed within {@code window}. */
  public static Expr changes(Selector series, Window window) {
    return rangeFunction("changes", series, window);
  }

  /** How often a counter reset within {@code window}. */
  public static Expr resets(Selector counter, Window window) {
    return rangeFunction("resets", counter, window);
  }

  /**
   * {@code <aggregation>_over_time} of a series within {@code window}: {@code avg}, {@code min},
   * {@code max}, {@code sum}, {@code count}, {@code last}, {@code present}, ...
   */
  public static Expr overTime(String aggregation, Selector series, Window window) {
    requireNonNull(aggregation, "aggregation");
    return rangeFunction(aggregation + "_over_time", series, window);
  }

  private static Expr rangeFunction(String name, Selector selector, Window window) {
    requireNonNull(selector, "selector");
    requireNonNull(window, "window");
    return new FunctionCall(name, List.of(selector), selector.withRange(window), window);
  }

  public static Aggregation sum(Expr expr) {
    return new Aggregation("sum", null, expr);
  }

  public static Aggregation avg(Expr expr) {
    return new Aggregation("avg", null, expr);
  }

  public static Aggregation max(Expr expr) {
    return new Aggregation("max", null, expr);
  }

  public static Aggregation min(Expr expr) {
    return new Aggregation("min", null, expr);
  }

  public static Aggregation count(Expr expr) {
    return new Aggregation("count", null, expr);
  }

  /** 1 for each group: which label combinations exist. */
  public static Aggregation group(Expr expr) {
    return new Aggregation("group", null, expr);
  }

  /** The {@code k} largest series. */
  public static Aggregation topk(int k, Expr expr) {
    return new Aggregation("topk", positive(k), expr);
  }

  /** The {@code k} smallest series. */
  public static Aggregation bottomk(int k, Expr expr) {
    return new Aggregation("bottomk", positive(k), expr);
  }

  /** The {@code quantile} (0 to 1) of the series' values at each instant. */
  public static Aggregation quantile(double quantile, Expr expr) {
    return new Aggregation("quantile", number(checkQuantile(quantile)).toString(), expr);
  }

  private static String positive(int k) {
    if (k <= 0) {
      throw new IllegalArgumentException("k must be positive: " + k);
    }
    return Integer.toString(k);
  }

  private static double checkQuantile(double quantile) {
    if (quantile < 0 || quantile > 1) {
      throw new IllegalArgumentException("quantile must be 0 to 1: " + quantile);
    }
    return quantile;
  }

  /**
   * The {@code quantile} (0 to 1) of a histogram from its bucket rates, which must keep the
   * {@code le} label.
   */
  public static Expr histogramQuantile(double quantile, Expr buckets) {
    return call("histogram_quantile", number(checkQuantile(quantile)), buckets);
  }

  /**
   * Copies {@code regex} matches of label {@code src} into label {@code dst} as {@code
   * replacement}. An empty {@code src} reads as the empty string, so {@code labelReplace(vector(0),
   * "l", "v", "", "")} labels a series {@code l="v"}.
   */
  public static Expr labelReplace(
      Expr expr, String dst, String replacement, String src, String regex) {
    requireNonNull(src, "src");
    return call(
        "label_replace",
        expr,
        string(labelName(dst)),
        string(replacement),
        string(src.isEmpty() ? src : labelName(src)),
        string(regex));
  }

  /** The evaluation time, in seconds since the epoch. */
  public static Expr time() {
    return call("time");
  }

  /** The timestamp of each sample, in seconds since the epoch. */
  public static Expr timestamp(Expr expr) {
    return call("timestamp", expr);
  }

  public static Expr clampMin(Expr expr, double min) {
    return call("clamp_min", expr, number(min));
  }

  public static Expr clampMax(Expr expr, double max) {
    return call("clamp_max", expr, number(max));
  }

  /** 1 when {@code expr} has no series, else nothing. */
  public static Expr absent(Expr expr) {
    return call("absent", expr);
  }

  /** A vector of one series of value {@code value}, to fill gaps with {@code or vector(0)}. */
  public static Expr vector(double value) {
    return call("vector", number(value));
  }

  /** Any function by name, for those without a helper here. */
  public static Expr call(String function, Expr... arguments) {
    requireNonNull(function, "function");
    if (!LABEL_NAME.matcher(function).matches()) {
      throw new IllegalArgumentException("not a function name: " + function);
    }
    List<Expr> children = List.of(arguments);
    List<String> texts = new ArrayList<>();
    children.forEach(child -> texts.add(child.toString()));
    return new FunctionCall(function, children, String.join(", ", texts), null);
  }

  /** A number literal, written without a needless fraction ({@code 100}, {@code 0.95}). */
  public static Expr number(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      String text = Double.isNaN(value) ? "NaN" : value > 0 ? "+Inf" : "-Inf";
      return new Literal(text, BinaryExpr.ATOM);
    }
    return new Literal(
        BigDecimal.valueOf(value).stripTrailingZeros().toPlainString(), BinaryExpr.ATOM);
  }

  /** A string literal, quoted and escaped. */
  public static Expr string(String value) {
    return new Literal(quote(value), BinaryExpr.ATOM);
  }

  /**
   * An expression given as text, for what this helper cannot say; not checked, and put in
   * parentheses when it is an operand.
   */
  public static Expr raw(String promql) {
    return new Literal(requireNonNull(promql, "promql"), 0);
  }

  /**
   * A Prometheus target querying {@code expr}, declaring the fixed window of the expression if it
   * has one.
   */
  public static PrometheusTarget.Builder target(Expr expr) {
    PrometheusTarget.Builder target = PrometheusTarget.builder(expr.toString());
    Optional<String> reason = expr.fixedWindowReason();
    reason.ifPresent(target::fixedWindow);
    return target;
  }

  static String quote(String value) {
    requireNonNull(value, "value");
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '\\':
          quoted.append("\\\\");
          break;
        case '"':
          quoted.append("\\\"");
          break;
        case '\n':
          quoted.append("\\n");
          break;
        case '\t':
          quoted.append("\\t");
          break;
        default:
          quoted.append(c);
      }
    }
    return quoted.append('"').toString();
  }

  static List<String> labelNames(String... labels) {
    List<String> names = new ArrayList<>();
    for (String label : labels) {
      names.add(labelName(label));
    }
    return List.copyOf(names);
  }

  private static String labelName(String label) {
    requireNonNull(label, "label");
    if (!LABEL_NAME.matcher(label).matches()) {
      throw new IllegalArgumentException("not a label name: " + label);
    }
    return label;
  }

  /** A function applied to its arguments, already rendered. */
  private static final class FunctionCall implements Expr {
    private final String name;
    private final List<Expr> children;
    private final String arguments;
    private final Window window;

    FunctionCall(String name, List<Expr> children, String arguments, Window window) {
      this.name = name;
      this.children = List.copyOf(children);
      this.arguments = arguments;
      this.window = window;
    }

    @Override
    public List<Expr> children() {
      return children;
    }

    @Override
    public Optional<String> fixedWindowReason() {
      if (window != null && window.fixedReason().isPresent()) {
        return window.fixedReason();
      }
      return Expr.super.fixedWindowReason();
    }

    @Override
    public String toString() {
      return name + "(" + arguments + ")";
    }
  }

  /** A number, string or raw text. */
  private static final class Literal implements Expr {
    private final String text;
    private final int precedence;

    Literal(String text, int precedence) {
      this.text = text;
      this.precedence = precedence;
    }

    @Override
    public int precedence() {
      return precedence;
    }

    @Override
    public List<Expr> children() {
      return List.of();
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
