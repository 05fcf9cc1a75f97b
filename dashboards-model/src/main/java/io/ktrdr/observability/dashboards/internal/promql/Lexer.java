package io.ktrdr.observability.dashboards.internal.promql;

import io.ktrdr.observability.dashboards.internal.promql.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits PromQL text, with Grafana's variables in it, into tokens. */
final class Lexer {

  private static final Pattern DURATION =
      Pattern.compile("([0-9]+(ms|s|m|h|d|w|y))+(?![a-zA-Z0-9_])");
  private static final Pattern NUMBER =
      Pattern.compile(
          "0[xX][0-9a-fA-F]+|([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?(?![a-zA-Z_])");
  // Metric names may hold colons but not start with one here: a colon after a range starts the
  // step of a subquery ([1h:5m]).
  private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_:]*");
  private static final Pattern VARIABLE =
      Pattern.compile(
          "\\$\\{[a-zA-Z0-9_.]+(:[a-zA-Z0-9_]+)*\\}|\\$[a-zA-Z0-9_]+"
              + "|\\[\\[[a-zA-Z0-9_.]+(:[a-zA-Z0-9_]+)*\\]\\]");
  private static final List<String> OPERATORS =
      List.of("==", "!=", "<=", ">=", "=~", "!~", "+", "-", "*", "/", "%", "^", "<", ">", "=");

  private final String text;
  private int position;

  private Lexer(String text) {
    this.text = text;
  }

  static List<Token> tokenize(String text) throws PromQlSyntaxException {
    return new Lexer(text).tokens();
  }

  private List<Token> tokens() throws PromQlSyntaxException {
    List<Token> tokens = new ArrayList<>();
    while (true) {
      skipSpaceAndComments();
      if (position >= text.length()) {
        tokens.add(new Token(Kind.END, "", position));
        return tokens;
      }
      tokens.add(next());
    }
  }

  private void skipSpaceAndComments() {
    while (position < text.length()) {
      char c = text.charAt(position);
      if (Character.isWhitespace(c)) {
        position++;
      } else if (c == '#') {
        while (position < text.length() && text.charAt(position) != '\n') {
          position++;
        }
      } else {
        return;
      }
    }
  }

  private Token next() throws PromQlSyntaxException {
    int start = position;
    char c = text.charAt(position);
    if (c == '"' || c == '\'' || c == '`') {
      return string(c);
    }
    if (c == '$' || (c == '[' && text.startsWith("[[", position))) {
      Matcher variable = VARIABLE.matcher(text).region(position, text.length());
      if (variable.lookingAt()) {
        position = variable.end();
        return new Token(Kind.VARIABLE, variable.group(), start);
      }
      if (c == '$') {
        throw new PromQlSyntaxException("malformed variable", start);
      }
    }
    if (Character.isDigit(c) || (c == '.' && position + 1 < text.length()
        && Character.isDigit(text.charAt(position + 1)))) {
      Matcher duration = DURATION.matcher(text).region(position, text.length());
      if (duration.lookingAt()) {
        position = duration.end();
        return new Token(Kind.DURATION, duration.group(), start);
      }
      Matcher number = NUMBER.matcher(text).region(position, text.length());
      if (number.lookingAt()) {
        position = number.end();
        return new Token(Kind.NUMBER, number.group(), start);
      }
      throw new PromQlSyntaxException("malformed number", start);
    }
    Matcher identifier = IDENTIFIER.matcher(text).region(position, text.length());
    if (identifier.lookingAt()) {
      position = identifier.end();
      return new Token(Kind.IDENTIFIER, identifier.group(), start);
    }
    position++;
    switch (c) {
      case '(':
        return new Token(Kind.LEFT_PAREN, "(", start);
      case ')':
        return new Token(Kind.RIGHT_PAREN, ")", start);
      case '{':
        return new Token(Kind.LEFT_BRACE, "{", start);
      case '}':
        return new Token(Kind.RIGHT_BRACE, "}", start);
      case '[':
        return new Token(Kind.LEFT_BRACKET, "[", start);
      case ']':
        return new Token(Kind.RIGHT_BRACKET, "]", start);
      case ',':
        return new Token(Kind.COMMA, ",", start);
      case ':':
        return new Token(Kind.COLON, ":", start);
      case '@':
        return new Token(Kind.AT, "@", start);
      default:
        position = start;
    }
    for (String operator : OPERATORS) {
      if (text.startsWith(operator, position)) {
        position += operator.length();
        return new Token(Kind.OPERATOR, operator, start);
      }
    }
    throw new PromQlSyntaxException("unexpected character '" + c + "'", start);
  }

  private Token string(char quote) throws PromQlSyntaxException {
    int start = position;
    StringBuilder value = new StringBuilder();
    position++;
    while (position < text.length()) {
      char c = text.charAt(position++);
      if (c == quote) {
        return new Token(Kind.STRING, value.toString(), start);
      }
      if (c == '\\' && quote != '`') {
        if (position >= text.length()) {
          break;
        }
        char escaped = text.charAt(position++);
        switch (escaped) {
          case 'n':
            value.append('\n');
            break;
          case 't':
            value.append('\t');
            break;
          default:
            // Regex escapes such as \. and \d stay as written; quotes and backslashes unescape.
            if (escaped != quote && escaped != '\\') {
              value.append('\\');
            }
            value.append(escaped);
        }
      } else if (c == '\n' && quote != '`') {
        throw new PromQlSyntaxException("unterminated string", start);
      } else {
        value.append(c);
      }
    }
    throw new PromQlSyntaxException("unterminated string", start);
  }
}
