package io.ktrdr.observability.dashboards.ktrdr;

import static io.ktrdr.observability.dashboards.ktrdr.Dashboards.promql;
import static org.assertj.core.api.Assertions.assertThat;

import io.ktrdr.observability.dashboards.ktrdr.rules.AlertRule;
import io.ktrdr.observability.dashboards.ktrdr.rules.KtrdrAlertRules;
import io.ktrdr.observability.dashboards.ktrdr.rules.KtrdrRecordingRules;
import io.ktrdr.observability.dashboards.ktrdr.rules.RecordingRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every label matcher of the dashboards' queries and of the recording and alerting rules names a
 * label that real KTRDR's series carry (by the telemetry contract, or by the target labels of the
 * generated Prometheus configuration), and every value it fixes is one the contract lists. A
 * matcher on a value only the simulator produces (a status that never reaches the counter, a
 * particular HTTP status) would select nothing, or only part of what matters, against KTRDR.
 */
class PromQlContractTest {

  private static final Pattern MATCHER =
      Pattern.compile("\\b([a-z_]+)\\s*(=~|!~|=|!=)\\s*\"([^\"]*)\"");

  /** The contract's labels with the values it lists; a null set: values it does not list. */
  private static final Map<String, Set<String>> LABEL_VALUES = Map.ofEntries(
      // Target labels of prometheus.yml.
      Map.entry("job", Set.of("ktrdr-backend", "ktrdr-workers")),
      Map.entry("service_type", Set.of("backend", "worker")),
      Map.entry("worker_type", Set.of("backtesting", "training")),
      // Only on worker targets that may have no worker running.
      Map.entry("optional", Set.of("true")),
      // Business metrics: only completed, failed and cancelled reach the counter and histogram.
      Map.entry("status", Set.of("completed", "failed", "cancelled")),
      Map.entry("operation_type", Set.copyOf(KtrdrVariables.OPERATION_TYPES)),
      Map.entry("outcome", Set.of("completed", "failed", "cancelled")),
      Map.entry("gate", Set.of("training", "backtest")),
      Map.entry("result", Set.of("pass", "fail")),
      Map.entry("http_method", Set.of("GET", "POST", "PUT", "PATCH", "DELETE")));
  /** Labels whose values belong to the environment or the traffic: matched by variables only. */
  private static final Set<String> VARIABLE_ONLY = Set.of("environment", "service", "http_target");
  /** A status class, not a code: which codes KTRDR answers a given failure with is not promised. */
  private static final Pattern STATUS_CLASS = Pattern.compile("[1-5]\\.\\.");

  @Test
  void everyMatcherNamesAContractLabelAndFixesOnlyValuesTheContractLists() {
    List<String> expressions = everyExpression();
    int fixed = 0;

    for (String expression : expressions) {
      Matcher matcher = MATCHER.matcher(expression);
      while (matcher.find()) {
        String label = matcher.group(1);
        String value = matcher.group(3);
        if (value.startsWith("$")) {
          assertThat(matcher.group(2)).as("variable matcher on %s in %s", label, expression).isEqualTo("=~");
          continue;
        }
        fixed++;
        if (label.equals("http_status_code")) {
          assertThat(value).as("http_status_code in %s", expression).matches(STATUS_CLASS);
          continue;
        }
        assertThat(VARIABLE_ONLY).as("a fixed value for %s in %s", label, expression).doesNotContain(label);
        assertThat(LABEL_VALUES).as("label %s in %s is one KTRDR's series carry", label, expression)
            .containsKey(label);
        for (String alternative : value.split("\\|")) {
          assertThat(LABEL_VALUES.get(label))
              .as("value %s of %s in %s is one the contract lists", alternative, label, expression)
              .contains(alternative);
        }
      }
    }
    assertThat(fixed).isGreaterThan(20);
  }

  /** The dashboards' PromQL and the rules' expressions. */
  private static List<String> everyExpression() {
    List<String> expressions = new ArrayList<>();
    KtrdrDashboards.all().forEach(dashboard -> expressions.addAll(promql(dashboard)));
    KtrdrRecordingRules.all().stream().map(RecordingRule::expr).map(Object::toString).forEach(expressions::add);
    KtrdrAlertRules.all().stream().map(AlertRule::expr).map(Object::toString).forEach(expressions::add);
    return expressions;
  }
}
