package io.ktrdr.observability.dashboards.internal.promql;

import io.ktrdr.observability.dashboards.internal.Nullable;
import java.util.ArrayList;
import java.util.List;

/** A node of a parsed PromQL expression. Not part of the public API. */
public sealed interface Node {

  /** The nodes directly below this one. */
  List<Node> children();

  /** A number, including {@code Inf} and {@code NaN}. */
  record NumberLiteral(String text) implements Node {
    @Override
    public List<Node> children() {
      return List.of();
    }
  }

  /** A string, unescaped. */
  record StringLiteral(String value) implements Node {
    @Override
    public List<Node> children() {
      return List.of();
    }
  }

  /** A Grafana variable standing for a value, such as {@code $threshold}. */
  record VariableRef(String text) implements Node {
    @Override
    public List<Node> children() {
      return List.of();
    }
  }

  /** A label matcher: {@code label op "value"}. */
  record LabelMatcher(String label, String operator, String value) {}

  /**
   * A vector selector. {@code metric} is the name (or {@code __name__="..."}), null when the
   * selector names none or names it through a variable; {@code range} is the text between
   * brackets, null for instant vectors.
   */
  record VectorSelector(
      @Nullable String metric,
      List<LabelMatcher> matchers,
      @Nullable String range,
      @Nullable String offset)
      implements Node {
    @Override
    public List<Node> children() {
      return List.of();
    }

    VectorSelector withRange(String range) {
      return new VectorSelector(metric, matchers, range, offset);
    }

    VectorSelector withOffset(String offset) {
      return new VectorSelector(metric, matchers, range, offset);
    }
  }

  /** A function call. */
  record Call(String function, List<Node> arguments) implements Node {
    @Override
    public List<Node> children() {
      return arguments;
    }
  }

  /** An aggregation such as {@code sum by (a) (x)} or {@code topk(5, x)}. */
  record Aggregate(
      String operator,
      @Nullable String grouping,
      List<String> labels,
      @Nullable Node parameter,
      Node expression)
      implements Node {
    @Override
    public List<Node> children() {
      List<Node> children = new ArrayList<>();
      if (parameter != null) {
        children.add(parameter);
      }
      children.add(expression);
      return children;
    }
  }

  /** A binary operation. */
  record Binary(String operator, Node left, Node right) implements Node {
    @Override
    public List<Node> children() {
      return List.of(left, right);
    }
  }

  /** A unary minus or plus. */
  record Unary(String operator, Node operand) implements Node {
    @Override
    public List<Node> children() {
      return List.of(operand);
    }
  }

  /** A subquery {@code expr[range:step]}. */
  record Subquery(Node expression, String range, @Nullable String step, @Nullable String offset)
      implements Node {
    @Override
    public List<Node> children() {
      return List.of(expression);
    }

    Subquery withOffset(String offset) {
      return new Subquery(expression, range, step, offset);
    }
  }
}
