package io.ktrdr.observability.dashboards.promql;

import static java.util.Objects.requireNonNull;

import io.ktrdr.observability.dashboards.internal.Nullable;
import java.util.List;

/**
 * An aggregation such as {@code sum by (worker_type) (...)}; {@link #by} and {@link #without}
 * return new aggregations.
 */
public final class Aggregation implements Expr {

  private final String operator;
  @Nullable private final String parameter;
  private final Expr operand;
  @Nullable private final String grouping;
  private final List<String> labels;

  Aggregation(String operator, @Nullable String parameter, Expr operand) {
    this(operator, parameter, requireNonNull(operand, "operand"), null, List.of());
  }

  private Aggregation(
      String operator,
      @Nullable String parameter,
      Expr operand,
      @Nullable String grouping,
      List<String> labels) {
    this.operator = operator;
    this.parameter = parameter;
    this.operand = operand;
    this.grouping = grouping;
    this.labels = List.copyOf(labels);
  }

  /** Keeps only {@code labels} (one result series per combination of their values). */
  public Aggregation by(String... labels) {
    return new Aggregation(operator, parameter, operand, "by", PromQl.labelNames(labels));
  }

  /** Drops {@code labels}, keeping the others. */
  public Aggregation without(String... labels) {
    return new Aggregation(operator, parameter, operand, "without", PromQl.labelNames(labels));
  }

  @Override
  public List<Expr> children() {
    return List.of(operand);
  }

  @Override
  public String toString() {
    String groupingText =
        grouping == null ? "" : " " + grouping + " (" + String.join(", ", labels) + ")";
    String arguments = parameter == null ? operand.toString() : parameter + ", " + operand;
    return grouping == null
        ? operator + "(" + arguments + ")"
        : operator + groupingText + " (" + arguments + ")";
  }
}
