package io.ktrdr.observability.dashboards.promql;

import java.util.List;
import java.util.Optional;

/**
 * A PromQL expression; {@link #toString()} is its text. Combine expressions with the binary
 * operators here; build them with {@link PromQl}.
 */
public interface Expr {

  /** The expressions this one is made of, in order. */
  List<Expr> children();

  /**
   * Why a range window inside this expression is fixed, if one is ({@link Window#fixed}); a
   * target built with {@link PromQl#target(Expr)} carries it.
   */
  default Optional<String> fixedWindowReason() {
    for (Expr child : children()) {
      Optional<String> reason = child.fixedWindowReason();
      if (reason.isPresent()) {
        return reason;
      }
    }
    return Optional.empty();
  }

  /** Binding strength of the top-level operator; operands of weaker binding get parentheses. */
  default int precedence() {
    return BinaryExpr.ATOM;
  }

  default BinaryExpr plus(Expr right) {
    return new BinaryExpr(this, "+", right);
  }

  default BinaryExpr minus(Expr right) {
    return new BinaryExpr(this, "-", right);
  }

  default BinaryExpr times(Expr right) {
    return new BinaryExpr(this, "*", right);
  }

  default BinaryExpr times(double right) {
    return times(PromQl.number(right));
  }

  default BinaryExpr div(Expr right) {
    return new BinaryExpr(this, "/", right);
  }

  default BinaryExpr div(double right) {
    return div(PromQl.number(right));
  }

  /** {@code this > right}: keeps the samples above {@code right}; {@code .bool()} gives 0 or 1. */
  default BinaryExpr gt(Expr right) {
    return new BinaryExpr(this, ">", right);
  }

  default BinaryExpr gt(double right) {
    return gt(PromQl.number(right));
  }

  /** {@code this >= right}. */
  default BinaryExpr ge(Expr right) {
    return new BinaryExpr(this, ">=", right);
  }

  default BinaryExpr ge(double right) {
    return ge(PromQl.number(right));
  }

  /** {@code this < right}. */
  default BinaryExpr lt(Expr right) {
    return new BinaryExpr(this, "<", right);
  }

  default BinaryExpr lt(double right) {
    return lt(PromQl.number(right));
  }

  /** {@code this <= right}. */
  default BinaryExpr le(Expr right) {
    return new BinaryExpr(this, "<=", right);
  }

  default BinaryExpr le(double right) {
    return le(PromQl.number(right));
  }

  /** {@code this == right}. */
  default BinaryExpr eq(Expr right) {
    return new BinaryExpr(this, "==", right);
  }

  default BinaryExpr eq(double right) {
    return eq(PromQl.number(right));
  }

  /** {@code this != right}. */
  default BinaryExpr ne(Expr right) {
    return new BinaryExpr(this, "!=", right);
  }

  default BinaryExpr ne(double right) {
    return ne(PromQl.number(right));
  }

  /** Series of this side, plus those of {@code right} whose labels this side lacks. */
  default BinaryExpr or(Expr right) {
    return new BinaryExpr(this, "or", right);
  }

  default BinaryExpr and(Expr right) {
    return new BinaryExpr(this, "and", right);
  }

  default BinaryExpr unless(Expr right) {
    return new BinaryExpr(this, "unless", right);
  }
}
