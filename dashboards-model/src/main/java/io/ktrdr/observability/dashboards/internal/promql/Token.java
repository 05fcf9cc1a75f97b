package io.ktrdr.observability.dashboards.internal.promql;

/** A token of a PromQL expression, with its offset in the text. */
record Token(Kind kind, String text, int position) {

  enum Kind {
    IDENTIFIER,
    NUMBER,
    DURATION,
    STRING,
    /** A Grafana variable: {@code $name}, {@code ${name}}, {@code ${name:format}}, {@code [[name]]}. */
    VARIABLE,
    OPERATOR,
    LEFT_PAREN,
    RIGHT_PAREN,
    LEFT_BRACE,
    RIGHT_BRACE,
    LEFT_BRACKET,
    RIGHT_BRACKET,
    COMMA,
    COLON,
    AT,
    END
  }

  boolean is(Kind kind, String text) {
    return this.kind == kind && this.text.equals(text);
  }
}
