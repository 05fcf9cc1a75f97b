package io.ktrdr.observability.dashboards.internal.promql;

import io.ktrdr.observability.dashboards.internal.promql.Node.Aggregate;
import io.ktrdr.observability.dashboards.internal.promql.Node.Binary;
import io.ktrdr.observability.dashboards.internal.promql.Node.Call;
import io.ktrdr.observability.dashboards.internal.promql.Node.LabelMatcher;
import io.ktrdr.observability.dashboards.internal.promql.Node.NumberLiteral;
import io.ktrdr.observability.dashboards.internal.promql.Node.StringLiteral;
import io.ktrdr.observability.dashboards.internal.promql.Node.Subquery;
import io.ktrdr.observability.dashboards.internal.promql.Node.Unary;
import io.ktrdr.observability.dashboards.internal.promql.Node.VariableRef;
import io.ktrdr.observability.dashboards.internal.promql.Node.VectorSelector;
import io.ktrdr.observability.dashboards.internal.promql.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Parses PromQL as Grafana sends it to Prometheus, before variables are substituted: Grafana
 * variables are allowed where durations, numbers and label names go, and inside strings.
 * Recognises metric names apart from functions, aggregation operators, keywords and labels.
 */
public final class PromQlParser {

  /** Prometheus 3's functions. */
  public static final Set<String> FUNCTIONS =
      Set.of(
          "abs", "absent", "absent_over_time", "acos", "acosh", "asin", "asinh", "atan", "atanh",
          "avg_over_time", "ceil", "changes", "clamp", "clamp_max", "clamp_min", "cos", "cosh",
          "count_over_time", "day_of_month", "day_of_week", "day_of_year", "days_in_month", "deg",
          "delta", "deriv", "double_exponential_smoothing", "exp", "floor", "histogram_avg",
          "histogram_count", "histogram_fraction", "histogram_quantile", "histogram_stddev",
          "histogram_stdvar", "histogram_sum", "holt_winters", "hour", "idelta", "increase",
          "info", "irate", "label_join", "label_replace", "last_over_time", "ln", "log10", "log2",
          "mad_over_time", "max_over_time", "min_over_time", "minute", "month", "pi",
          "predict_linear", "present_over_time", "quantile_over_time", "rad", "rate", "resets",
          "round", "scalar", "sgn", "sin", "sinh", "sort", "sort_by_label", "sort_by_label_desc",
          "sort_desc", "sqrt", "stddev_over_time", "stdvar_over_time", "sum_over_time", "tan",
          "tanh", "time", "timestamp", "ts_of_first_over_time", "ts_of_last_over_time",
          "ts_of_max_over_time", "ts_of_min_over_time", "vector", "year");

  /** Functions whose first (or only) argument must be a range vector. */
  public static final Set<String> RANGE_FUNCTIONS =
      Set.of(
          "absent_over_time", "avg_over_time", "changes", "count_over_time", "delta", "deriv",
          "double_exponential_smoothing", "holt_winters", "idelta", "increase", "irate",
          "last_over_time", "mad_over_time", "max_over_time", "min_over_time", "predict_linear",
          "present_over_time", "rate", "resets", "stddev_over_time", "stdvar_over_time",
          "sum_over_time", "ts_of_first_over_time", "ts_of_last_over_time",
          "ts_of_max_over_time", "ts_of_min_over_time");

  /** Aggregation operators; the value is whether they take a parameter first. */
  private static final Map<String, Boolean> AGGREGATIONS =
      Map.ofEntries(
          Map.entry("sum", false), Map.entry("avg", false), Map.entry("count", false),
          Map.entry("min", false), Map.entry("max", false), Map.entry("group", false),
          Map.entry("stddev", false), Map.entry("stdvar", false), Map.entry("topk", true),
          Map.entry("bottomk", true), Map.entry("quantile", true),
          Map.entry("count_values", true), Map.entry("limitk", true),
          Map.entry("limit_ratio", true));

  /** Words that are never metric names. */
  public static final Set<String> KEYWORDS =
      Set.of(
          "by", "without", "on", "ignoring", "group_left", "group_right", "bool", "offset",
          "and", "or", "unless", "atan2");

  private static final Map<String, Integer> PRECEDENCE =
      Map.ofEntries(
          Map.entry("or", 1), Map.entry("and", 2), Map.entry("unless", 2), Map.entry("==", 3),
          Map.entry("!=", 3), Map.entry("<", 3), Map.entry(">", 3), Map.entry("<=", 3),
          Map.entry(">=", 3), Map.entry("+", 4), Map.entry("-", 4), Map.entry("*", 5),
          Map.entry("/", 5), Map.entry("%", 5), Map.entry("atan2", 5), Map.entry("^", 6));

  private static final Set<String> MATCH_OPERATORS = Set.of("=", "!=", "=~", "!~");

  private final List<Token> tokens;
  private int index;

  private PromQlParser(List<Token> tokens) {
    this.tokens = tokens;
  }

  /** Parses {@code text} into a tree, or says where and why it is not PromQL. */
  public static Node parse(String text) throws PromQlSyntaxException {
    if (text.isBlank()) {
      throw new PromQlSyntaxException("empty expression", 0);
    }
    PromQlParser parser = new PromQlParser(Lexer.tokenize(text));
    Node node = parser.expression(1);
    Token rest = parser.peek();
    if (rest.kind() != Kind.END) {
      throw new PromQlSyntaxException(unexpected(rest), rest.position());
    }
    return node;
  }

  private Node expression(int minimumPrecedence) throws PromQlSyntaxException {
    Node left = unary();
    while (true) {
      Token token = peek();
      String operator = binaryOperator(token);
      if (operator == null || PRECEDENCE.get(operator) < minimumPrecedence) {
        return left;
      }
      index++;
      int precedence = PRECEDENCE.get(operator);
      if (isWord(peek(), "bool")) {
        if (precedence != 3) {
          throw new PromQlSyntaxException("bool modifier on non-comparison " + operator,
              peek().position());
        }
        index++;
      }
      if (isWord(peek(), "on") || isWord(peek(), "ignoring")) {
        index++;
        labelList();
        if (isWord(peek(), "group_left") || isWord(peek(), "group_right")) {
          index++;
          if (peek().kind() == Kind.LEFT_PAREN) {
            labelList();
          }
        }
      }
      int next = operator.equals("^") ? precedence : precedence + 1;
      Node right = expression(next);
      left = new Binary(operator, left, right);
    }
  }

  private static String binaryOperator(Token token) {
    if (token.kind() == Kind.OPERATOR && PRECEDENCE.containsKey(token.text())) {
      return token.text();
    }
    if (token.kind() == Kind.IDENTIFIER) {
      String word = token.text().toLowerCase(Locale.ROOT);
      if (Set.of("and", "or", "unless", "atan2").contains(word)) {
        return word;
      }
    }
    return null;
  }

  private Node unary() throws PromQlSyntaxException {
    Token token = peek();
    if (token.kind() == Kind.OPERATOR && (token.text().equals("-") || token.text().equals("+"))) {
      index++;
      return new Unary(token.text(), unary());
    }
    return postfix(primary());
  }

  private Node postfix(Node node) throws PromQlSyntaxException {
    Node current = node;
    while (true) {
      Token token = peek();
      if (token.kind() == Kind.LEFT_BRACKET) {
        index++;
        String range = duration("range");
        if (peek().kind() == Kind.COLON) {
          index++;
          String step = peek().kind() == Kind.RIGHT_BRACKET ? null : duration("subquery step");
          expect(Kind.RIGHT_BRACKET, "]");
          current = new Subquery(current, range, step, null);
        } else {
          expect(Kind.RIGHT_BRACKET, "]");
          if (!(current instanceof VectorSelector) || ((VectorSelector) current).range() != null
              || ((VectorSelector) current).offset() != null) {
            throw new PromQlSyntaxException(
                "ranges only allowed for vector selectors", token.position());
          }
          current = ((VectorSelector) current).withRange(range);
        }
      } else if (isWord(token, "offset")) {
        index++;
        boolean negative = peek().is(Kind.OPERATOR, "-");
        if (negative) {
          index++;
        }
        String offset = (negative ? "-" : "") + duration("offset");
        if (current instanceof VectorSelector) {
          current = ((VectorSelector) current).withOffset(offset);
        } else if (current instanceof Subquery) {
          current = ((Subquery) current).withOffset(offset);
        } else {
          throw new PromQlSyntaxException(
              "offset only allowed for selectors and subqueries", token.position());
        }
      } else if (token.kind() == Kind.AT) {
        index++;
        Token at = advance();
        if (isWord(at, "start") || isWord(at, "end")) {
          expect(Kind.LEFT_PAREN, "(");
          expect(Kind.RIGHT_PAREN, ")");
        } else if (at.kind() != Kind.NUMBER && at.kind() != Kind.VARIABLE) {
          throw new PromQlSyntaxException("@ needs a timestamp, start() or end()", at.position());
        }
      } else {
        return current;
      }
    }
  }

  private Node primary() throws PromQlSyntaxException {
    Token token = advance();
    switch (token.kind()) {
      case NUMBER:
        return new NumberLiteral(token.text());
      case DURATION:
        // Prometheus 3 reads a bare duration as seconds.
        return new NumberLiteral(token.text());
      case STRING:
        return new StringLiteral(token.text());
      case VARIABLE:
        if (peek().kind() == Kind.LEFT_BRACE) {
          return new VectorSelector(null, matchers(), null, null);
        }
        return new VariableRef(token.text());
      case LEFT_PAREN:
        Node inner = expression(1);
        expect(Kind.RIGHT_PAREN, ")");
        return inner;
      case LEFT_BRACE:
        index--;
        List<LabelMatcher> matchers = matchers();
        String metric = metricFromMatchers(matchers);
        if (metric == null && matchers.stream().allMatch(m -> matchesEmpty(m))) {
          throw new PromQlSyntaxException(
              "vector selector must contain at least one non-empty matcher", token.position());
        }
        return new VectorSelector(metric, matchers, null, null);
      case IDENTIFIER:
        return identifier(token);
      default:
        throw new PromQlSyntaxException(unexpected(token), token.position());
    }
  }

  private Node identifier(Token token) throws PromQlSyntaxException {
    String name = token.text();
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.equals("inf") || lower.equals("nan")) {
      return new NumberLiteral(name);
    }
    Token next = peek();
    if (AGGREGATIONS.containsKey(lower)
        && (next.kind() == Kind.LEFT_PAREN || isWord(next, "by") || isWord(next, "without"))) {
      return aggregate(lower);
    }
    if (next.kind() == Kind.LEFT_PAREN) {
      if (!FUNCTIONS.contains(name)) {
        throw new PromQlSyntaxException("unknown function " + name, token.position());
      }
      return call(name, token);
    }
    if (KEYWORDS.contains(lower)) {
      throw new PromQlSyntaxException("unexpected keyword " + name, token.position());
    }
    if (FUNCTIONS.contains(name) || AGGREGATIONS.containsKey(lower)) {
      // A bare function name is a metric name to Prometheus, but hardly ever meant as one.
      throw new PromQlSyntaxException(name + " needs arguments", token.position());
    }
    List<LabelMatcher> matchers = next.kind() == Kind.LEFT_BRACE ? matchers() : List.of();
    if (metricFromMatchers(matchers) != null) {
      throw new PromQlSyntaxException("metric name given twice", token.position());
    }
    return new VectorSelector(name, matchers, null, null);
  }

  private Node aggregate(String operator) throws PromQlSyntaxException {
    String grouping = null;
    List<String> labels = List.of();
    if (isWord(peek(), "by") || isWord(peek(), "without")) {
      grouping = advance().text().toLowerCase(Locale.ROOT);
      labels = labelList();
    }
    expect(Kind.LEFT_PAREN, "(");
    Node parameter = null;
    if (AGGREGATIONS.get(operator)) {
      parameter = expression(1);
      expect(Kind.COMMA, ",");
    }
    Node expression = expression(1);
    expect(Kind.RIGHT_PAREN, ")");
    if (grouping == null && (isWord(peek(), "by") || isWord(peek(), "without"))) {
      grouping = advance().text().toLowerCase(Locale.ROOT);
      labels = labelList();
    }
    return new Aggregate(operator, grouping, labels, parameter, expression);
  }

  private Node call(String function, Token name) throws PromQlSyntaxException {
    expect(Kind.LEFT_PAREN, "(");
    List<Node> arguments = new ArrayList<>();
    if (peek().kind() != Kind.RIGHT_PAREN) {
      arguments.add(expression(1));
      while (peek().kind() == Kind.COMMA) {
        index++;
        arguments.add(expression(1));
      }
    }
    expect(Kind.RIGHT_PAREN, ")");
    if (RANGE_FUNCTIONS.contains(function)) {
      int rangeArgument = function.equals("quantile_over_time") ? 1 : 0;
      Node argument = arguments.size() > rangeArgument ? arguments.get(rangeArgument) : null;
      boolean isRange =
          argument instanceof Subquery
              || (argument instanceof VectorSelector
                  && ((VectorSelector) argument).range() != null);
      if (!isRange) {
        throw new PromQlSyntaxException(
            function + " needs a range vector such as x[$__rate_interval]", name.position());
      }
    }
    return new Call(function, arguments);
  }

  private List<String> labelList() throws PromQlSyntaxException {
    expect(Kind.LEFT_PAREN, "(");
    List<String> labels = new ArrayList<>();
    while (peek().kind() != Kind.RIGHT_PAREN) {
      Token label = advance();
      if (label.kind() != Kind.IDENTIFIER
          && label.kind() != Kind.VARIABLE
          && label.kind() != Kind.STRING) {
        throw new PromQlSyntaxException("expected a label name, got " + describe(label),
            label.position());
      }
      labels.add(label.text());
      if (peek().kind() == Kind.COMMA) {
        index++;
      } else if (peek().kind() != Kind.RIGHT_PAREN) {
        throw new PromQlSyntaxException(unexpected(peek()) + " in label list", peek().position());
      }
    }
    index++;
    return labels;
  }

  private List<LabelMatcher> matchers() throws PromQlSyntaxException {
    expect(Kind.LEFT_BRACE, "{");
    List<LabelMatcher> matchers = new ArrayList<>();
    while (peek().kind() != Kind.RIGHT_BRACE) {
      Token label = advance();
      if (label.kind() == Kind.STRING && !isMatchOperator(peek())) {
        // Prometheus 3: a quoted metric name among the matchers.
        matchers.add(new LabelMatcher("__name__", "=", label.text()));
      } else {
        if (label.kind() != Kind.IDENTIFIER && label.kind() != Kind.STRING) {
          throw new PromQlSyntaxException("expected a label name, got " + describe(label),
              label.position());
        }
        Token operator = advance();
        if (!isMatchOperator(operator)) {
          throw new PromQlSyntaxException(
              "expected =, !=, =~ or !~ after " + label.text() + ", got " + describe(operator),
              operator.position());
        }
        Token value = advance();
        if (value.kind() != Kind.STRING) {
          throw new PromQlSyntaxException(
              "matcher value of " + label.text() + " must be a quoted string, got "
                  + describe(value),
              value.position());
        }
        checkRegex(label.text(), operator.text(), value);
        matchers.add(new LabelMatcher(label.text(), operator.text(), value.text()));
      }
      if (peek().kind() == Kind.COMMA) {
        index++;
      } else if (peek().kind() != Kind.RIGHT_BRACE) {
        throw new PromQlSyntaxException(unexpected(peek()) + " in matchers", peek().position());
      }
    }
    index++;
    return matchers;
  }

  private static void checkRegex(String label, String operator, Token value)
      throws PromQlSyntaxException {
    if (!operator.endsWith("~") || value.text().contains("$") || value.text().contains("(?P")) {
      return;
    }
    try {
      Pattern.compile(value.text());
    } catch (PatternSyntaxException e) {
      throw new PromQlSyntaxException(
          "bad regex for " + label + ": " + e.getDescription(), value.position());
    }
  }

  private static boolean isMatchOperator(Token token) {
    return token.kind() == Kind.OPERATOR && MATCH_OPERATORS.contains(token.text());
  }

  private static String metricFromMatchers(List<LabelMatcher> matchers) {
    for (LabelMatcher matcher : matchers) {
      if (matcher.label().equals("__name__") && matcher.operator().equals("=")) {
        return matcher.value();
      }
    }
    return null;
  }

  private static boolean matchesEmpty(LabelMatcher matcher) {
    String value = matcher.value();
    switch (matcher.operator()) {
      case "=":
        return value.isEmpty();
      case "!=":
        return !value.isEmpty();
      case "=~":
        return value.isEmpty() || value.equals(".*") || value.equals(".?");
      default:
        return value.equals(".+");
    }
  }

  private String duration(String what) throws PromQlSyntaxException {
    Token token = advance();
    if (token.kind() == Kind.DURATION
        || token.kind() == Kind.VARIABLE
        || token.kind() == Kind.NUMBER) {
      return token.text();
    }
    throw new PromQlSyntaxException(
        "expected a duration for the " + what + ", got " + describe(token), token.position());
  }

  private Token peek() {
    return tokens.get(index);
  }

  private Token advance() {
    Token token = tokens.get(index);
    if (token.kind() != Kind.END) {
      index++;
    }
    return token;
  }

  private void expect(Kind kind, String text) throws PromQlSyntaxException {
    Token token = advance();
    if (token.kind() != kind) {
      throw new PromQlSyntaxException(
          "expected " + text + ", got " + describe(token), token.position());
    }
  }

  private static boolean isWord(Token token, String word) {
    return token.kind() == Kind.IDENTIFIER && token.text().equalsIgnoreCase(word);
  }

  private static String unexpected(Token token) {
    return "unexpected " + describe(token);
  }

  private static String describe(Token token) {
    return token.kind() == Kind.END ? "end of expression" : "'" + token.text() + "'";
  }
}
