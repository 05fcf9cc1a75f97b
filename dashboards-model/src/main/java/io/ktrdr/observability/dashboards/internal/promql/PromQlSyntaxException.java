package io.ktrdr.observability.dashboards.internal.promql;

/** A PromQL expression that does not parse; the message names the position (1-based column). */
public final class PromQlSyntaxException extends Exception {

  private static final long serialVersionUID = 1L;

  PromQlSyntaxException(String message, int position) {
    super(message + " at column " + (position + 1));
  }
}
