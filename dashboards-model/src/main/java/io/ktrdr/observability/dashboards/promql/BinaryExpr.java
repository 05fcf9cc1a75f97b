package io.ktrdr.observability.dashboards.promql;

import static java.util.Objects.requireNonNull;

import io.ktrdr.observability.dashboards.internal.Nullable;
import java.util.List;
import java.util.Map;

/**
 * A binary operation with optional vector matching: {@code a / on (worker_type) group_left b}.
 * Operands that bind more weakly than the operator are put in parentheses.
 */
public final class BinaryExpr implements Expr {

  static final int ATOM = 100;
  private static final Map<String, Integer> PRECEDENCE =
      Map.ofEntries(
          Map.entry("or", 1),
          Map.entry("and", 2),
          Map.entry("unless", 2),
          Map.entry("==", 3),
          Map.entry("!=", 3),
          Map.entry("<", 3),
          Map.entry(">", 3),
          Map.entry("<=", 3),
          Map.entry(">=", 3),
          Map.entry("+", 4),
          Map.entry("-", 4),
          Map.entry("*", 5),
          Map.entry("/", 5),
          Map.entry("%", 5),
          Map.entry("^", 6));

  private final Expr left;
  private final String operator;
  private final Expr right;
  private final boolean bool;
  @Nullable private final String matching;
  private final List<String> matchingLabels;
  @Nullable private final String group;
  private final List<String> groupLabels;

  BinaryExpr(Expr left, String operator, Expr right) {
    this(requireNonNull(left, "left"), operator, requireNonNull(right, "right"), false, null,
        List.of(), null, List.of());
  }

  private BinaryExpr(
      Expr left,
      String operator,
      Expr right,
      boolean bool,
      @Nullable String matching,
      List<String> matchingLabels,
      @Nullable String group,
      List<String> groupLabels) {
    this.left = left;
    this.operator = operator;
    this.right = right;
    this.bool = bool;
    this.matching = matching;
    this.matchingLabels = List.copyOf(matchingLabels);
    this.group = group;
    this.groupLabels = List.copyOf(groupLabels);
  }

  /** Matches series of both sides on these labels only. */
  public BinaryExpr on(String... labels) {
    return new BinaryExpr(left, operator, right, bool, "on", PromQl.labelNames(labels), group,
        groupLabels);
  }

  /** Matches series of both sides on all labels but these. */
  public BinaryExpr ignoring(String... labels) {
    return new BinaryExpr(left, operator, right, bool, "ignoring", PromQl.labelNames(labels),
        group, groupLabels);
  }

  /** Many left series to one right series, copying {@code labels} from the right. */
  public BinaryExpr groupLeft(String... labels) {
    return new BinaryExpr(left, operator, right, bool, matching, matchingLabels, "group_left",
        PromQl.labelNames(labels));
  }

  /** One left series to many right series, copying {@code labels} from the left. */
  public BinaryExpr groupRight(String... labels) {
    return new BinaryExpr(left, operator, right, bool, matching, matchingLabels, "group_right",
        PromQl.labelNames(labels));
  }

  /** For comparisons: returns 0 or 1 instead of filtering. */
  public BinaryExpr bool() {
    if (PRECEDENCE.get(operator) != 3) {
      throw new IllegalStateException("bool applies to comparisons only, not " + operator);
    }
    return new BinaryExpr(left, operator, right, true, matching, matchingLabels, group,
        groupLabels);
  }

  @Override
  public List<Expr> children() {
    return List.of(left, right);
  }

  @Override
  public int precedence() {
    return PRECEDENCE.get(operator);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    // Operators are left-associative (except ^): a right operand of equal binding needs parentheses.
    text.append(operand(left, left.precedence() < precedence()));
    text.append(' ').append(operator);
    if (bool) {
      text.append(" bool");
    }
    if (matching != null) {
      text.append(' ').append(matching).append(" (").append(String.join(", ", matchingLabels))
          .append(')');
    }
    if (group != null) {
      text.append(' ').append(group);
      if (!groupLabels.isEmpty()) {
        text.append(" (").append(String.join(", ", groupLabels)).append(')');
      }
    }
    text.append(' ').append(operand(right, right.precedence() <= precedence()));
    return text.toString();
  }

  private static String operand(Expr expr, boolean parenthesize) {
    return parenthesize ? "(" + expr + ")" : expr.toString();
  }
}
