package io.ktrdr.observability.dashboards.internal.promql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ktrdr.observability.dashboards.internal.promql.Node.Call;
import io.ktrdr.observability.dashboards.internal.promql.Node.LabelMatcher;
import io.ktrdr.observability.dashboards.internal.promql.Node.VectorSelector;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PromQlParserTest {

  @Test
  void metricNamesAreToldApartFromFunctionsKeywordsAndLabels() throws Exception {
    Node node =
        PromQlParser.parse(
            "histogram_quantile(0.95, sum by (le, job) (rate(http_duration_bucket{job=\"api\"}"
                + "[$__rate_interval]))) / on (job) group_left (service) max without (instance)"
                + " (target_info) + time() - count_values(\"v\", build_info) or vector(0)"
                + " unless sum(rate(by_total[5m])) and bool_metric");

    assertThat(metrics(node))
        .containsExactly("http_duration_bucket", "target_info", "build_info", "by_total",
            "bool_metric");
  }

  @Test
  void grafanaVariablesAreAllowedInDurationsValuesAndLabels() throws Exception {
    Node node =
        PromQlParser.parse(
            "sum by ($group) (rate(x_total{a=~\"$a\", b=\"${b:pipe}\"}[${window}] offset $shift))"
                + " > $threshold and increase(y_total[[[window]]]) > [[limit]]");

    assertThat(metrics(node)).containsExactly("x_total", "y_total");
    VectorSelector x = PromQlTree.selectors(node).get(0);
    assertThat(x.range()).isEqualTo("${window}");
    assertThat(x.offset()).isEqualTo("$shift");
    assertThat(x.matchers())
        .containsExactly(new LabelMatcher("a", "=~", "$a"), new LabelMatcher("b", "=", "${b:pipe}"));
  }

  @Test
  void nameMatcherAndQuotedNameAreMetricNames() throws Exception {
    assertThat(metrics(PromQlParser.parse("{__name__=\"up\", job=\"x\"}"))).containsExactly("up");
    assertThat(metrics(PromQlParser.parse("{\"otel.metric\", job=\"x\"}")))
        .containsExactly("otel.metric");
  }

  @Test
  void stringsUnescapeQuotesAndKeepRegexEscapes() throws Exception {
    VectorSelector selector =
        PromQlTree.selectors(PromQlParser.parse("x{a=\"q\\\"uote\", b=~\"a\\\\.b\", c='s'}"))
            .get(0);

    assertThat(selector.matchers())
        .extracting(LabelMatcher::value)
        .containsExactly("q\"uote", "a\\.b", "s");
  }

  @Test
  void subqueriesAndRangeFunctionsParse() throws Exception {
    Node node = PromQlParser.parse("max_over_time(rate(x_total[$__rate_interval])[1h:1m])");

    assertThat(node).isInstanceOf(Call.class);
    assertThat(metrics(node)).containsExactly("x_total");
  }

  @Test
  void validExpressionsOfEveryKindParse() {
    List<String> expressions =
        List.of(
            "up",
            "-up",
            "1 + -up",
            "2 ^ 3 ^ 2",
            ".5 * 1e-3 + 0x1F - Inf + NaN",
            "sum without (instance) (up)",
            "sum(up) by (job)",
            "topk(5, sum by (job) (up))",
            "quantile(0.9, up)",
            "count_values(\"version\", build_info)",
            "up == bool 1",
            "a > on (job) group_right b",
            "a atan2 b",
            "up @ start()",
            "up @ 1700000000",
            "rate(x_total[5m] offset -1h)",
            "rate(x_total[5m:1m])",
            "max_over_time(up[$__range:$__interval])",
            "quantile_over_time(0.9, up[1h])",
            "label_join(up, \"dst\", \",\", \"a\", \"b\")",
            "sort_by_label(up, \"job\")",
            "sum(up) # a comment",
            "up offset $shift",
            "time() - ${__to:date:seconds}",
            "{__name__=~\"ktrdr_.*\"}");

    assertThat(expressions).allSatisfy(expression -> PromQlParser.parse(expression));
  }

  @Test
  void syntaxErrorsSayWhatAndWhere() {
    assertError("sum(rate(x[5m])", "expected ), got end of expression at column 16");
    assertError("x{job=\"api}", "unterminated string at column 7");
    assertError("rate(x[5m]))", "unexpected ')' at column 12");
    assertError("ratee(x[5m])", "unknown function ratee at column 1");
    assertError("x{job~\"a\"}", "unexpected character '~' at column 6");
    assertError("x{job=api}", "matcher value of job must be a quoted string, got 'api' at column 7");
    assertError("rate(x)", "rate needs a range vector such as x[$__rate_interval] at column 1");
    assertError("rate(x[5 minutes])", "expected ], got 'minutes' at column 10");
    assertError("sum(x)[5m]", "ranges only allowed for vector selectors at column 7");
    assertError("x{a=~\"(\"}", "bad regex for a: Unclosed group at column 6");
    assertError("{}", "vector selector must contain at least one non-empty matcher at column 1");
    assertError("x[$]", "malformed variable at column 3");
    assertError("", "empty expression at column 1");
    assertError("sum by job (x)", "expected (, got 'job' at column 8");
  }

  private static void assertError(String expression, String message) {
    assertThatThrownBy(() -> PromQlParser.parse(expression))
        .as(expression)
        .isInstanceOf(PromQlSyntaxException.class)
        .hasMessage(message);
  }

  private static List<String> metrics(Node node) {
    return PromQlTree.selectors(node).stream()
        .map(VectorSelector::metric)
        .collect(Collectors.toList());
  }
}
