package io.ktrdr.observability.e2e.panels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ktrdr.observability.dashboards.model.DatasourceRef;
import io.ktrdr.observability.dashboards.model.Variable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each case is what Grafana's front end sends for the same variable and selection. */
class TemplateInterpolatorTest {
  private static final DatasourceRef PROMETHEUS = DatasourceRef.prometheus("${datasource}");
  private static final Variable SERVICE = Variable.query("service", PROMETHEUS, "label_values(up, service)")
      .multi(true).includeAll(true).allValue(".*").defaultAll().build();
  private static final Variable TYPE = Variable.custom("type", List.of("data_load", "training", "backtesting"))
      .multi(true).includeAll(true).defaultAll().build();
  private static final Variable JOB = Variable.custom("job", List.of("ktrdr-backend", "ktrdr-workers")).build();
  private static final List<Variable> VARIABLES = List.of(SERVICE, TYPE, JOB);
  private static final Map<String, List<String>> OPTIONS = Map.of(
      "service", List.of("backend", "backtest-worker-1"),
      "type", List.of("data_load", "training", "backtesting"),
      "job", List.of("ktrdr-backend", "ktrdr-workers"));

  private static TemplateInterpolator selecting(Map<String, List<String>> selection) {
    return TemplateInterpolator.of(VARIABLES, selection, OPTIONS);
  }

  @Test
  void allWithAnAllValueBecomesTheAllValueUnescaped() {
    assertThat(selecting(Map.of()).prometheusQuery("up{service=~\"$service\"}")).isEqualTo("up{service=~\".*\"}");
  }

  @Test
  void allWithoutAnAllValueBecomesAnAlternationOfEveryOption() {
    assertThat(selecting(Map.of()).prometheusQuery("x{t=~\"$type\"}")).isEqualTo("x{t=~\"(data_load|training|backtesting)\"}");
  }

  @Test
  void oneValueOfAMultiValueVariableIsRegexEscapedForAPromQlString() {
    assertThat(selecting(Map.of("service", List.of("worker.1"))).prometheusQuery("up{service=~\"$service\"}"))
        .isEqualTo("up{service=~\"worker\\\\.1\"}");
  }

  @Test
  void severalValuesBecomeAGroupOfAlternatives() {
    assertThat(selecting(Map.of("service", List.of("backend", "backtest-worker-1"))).prometheusQuery("up{service=~\"$service\"}"))
        .isEqualTo("up{service=~\"(backend|backtest-worker-1)\"}");
  }

  @Test
  void aSingleValueVariableOnlyHasBackslashesAndQuotesEscaped() {
    assertThat(selecting(Map.of("job", List.of("a.b'c\\d"))).prometheusQuery("up{job=\"$job\"}"))
        .isEqualTo("up{job=\"a.b\\\\'c\\\\d\"}");
  }

  // Grafana 13.2's interpolateQueryExpr, prometheusSpecialCharsInLabelValues off (its default) and on.

  @Test
  void classicRegexEscapingLeavesQuotesOfEitherKindAlone() {
    assertThat(selecting(Map.of("service", List.of("it's \"x\".1"))).prometheusQuery("$service"))
        .isEqualTo("it's \"x\"\\\\.1");
    assertThat(selecting(Map.of("service", List.of("a'b", "c\"d"))).prometheusQuery("$service"))
        .isEqualTo("(a'b|c\"d)");
  }

  @Test
  void classicRegexEscapingQuadruplesBackslashesAndEscapesMetacharacters() {
    assertThat(selecting(Map.of("service", List.of("a\\b$^*{}[]+?.()|"))).prometheusQuery("$service"))
        .isEqualTo("a\\\\\\\\b\\\\$\\\\^\\\\*\\\\{\\\\}\\\\[\\\\]\\\\+\\\\?\\\\.\\\\(\\\\)\\\\|");
  }

  @Test
  void withSpecialCharsRegexEscapingEscapesBothQuotes() {
    TemplateInterpolator interpolator = selecting(Map.of("service", List.of("it's \"x\".1")))
        .withEscaping(TemplateInterpolator.PrometheusEscaping.SPECIAL_CHARS_IN_LABEL_VALUES);
    assertThat(interpolator.prometheusQuery("$service")).isEqualTo("it\\\\'s \\\\\\\"x\\\\\\\"\\\\.1");
  }

  @Test
  void withSpecialCharsAPlainValueHasDoubleQuotesEscapedAndSingleQuotesKept() {
    TemplateInterpolator interpolator = selecting(Map.of("job", List.of("a'b\"c\\d")))
        .withEscaping(TemplateInterpolator.PrometheusEscaping.SPECIAL_CHARS_IN_LABEL_VALUES);
    assertThat(interpolator.prometheusQuery("$job")).isEqualTo("a'b\\\"c\\\\d");
    assertThat(selecting(Map.of("job", List.of("job=\"x\"")))
            .withEscaping(TemplateInterpolator.PrometheusEscaping.SPECIAL_CHARS_IN_LABEL_VALUES)
            .prometheusQuery("$job"))
        .as("a whole label matcher keeps its quotes")
        .isEqualTo("job=\"x\"");
  }

  @Test
  void everySyntaxOfAVariableIsSubstituted() {
    TemplateInterpolator interpolator = selecting(Map.of("job", List.of("ktrdr-workers")));

    assertThat(interpolator.prometheusQuery("$job ${job} [[job]]")).isEqualTo("ktrdr-workers ktrdr-workers ktrdr-workers");
  }

  @Test
  void explicitFormatsOverrideThePrometheusDefault() {
    TemplateInterpolator interpolator = selecting(Map.of("service", List.of("a.b", "c")));

    assertThat(interpolator.prometheusQuery("${service:regex}")).isEqualTo("(a\\.b|c)");
    assertThat(interpolator.prometheusQuery("${service:pipe}")).isEqualTo("a.b|c");
    assertThat(interpolator.prometheusQuery("${service:csv}")).isEqualTo("a.b,c");
    assertThat(interpolator.prometheusQuery("[[service:glob]]")).isEqualTo("{a.b,c}");
  }

  @Test
  void grafanasBuiltInsAndUnknownNamesAreLeftForTheBackend() {
    assertThat(selecting(Map.of()).prometheusQuery("rate(x[$__rate_interval]) $unknown ${__range}"))
        .isEqualTo("rate(x[$__rate_interval]) $unknown ${__range}");
  }

  @Test
  void aDatasourceUidVariableBecomesItsValue() {
    Variable datasource = Variable.datasource("datasource", "prometheus").defaultValue("prometheus").build();
    TemplateInterpolator interpolator = TemplateInterpolator.of(List.of(datasource), Map.of(), Map.of());

    assertThat(interpolator.text("${datasource}")).isEqualTo("prometheus");
  }

  @Test
  void selectingAVariableTheDashboardLacksIsRefused() {
    assertThatThrownBy(() -> selecting(Map.of("nope", List.of("x"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("selection names no variable of the dashboard: nope");
  }
}
