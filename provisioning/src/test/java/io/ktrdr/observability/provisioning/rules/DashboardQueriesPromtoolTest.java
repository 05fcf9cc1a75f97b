package io.ktrdr.observability.provisioning.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.ktrdr.observability.dashboards.ktrdr.KtrdrDashboards;
import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.dashboards.model.Panel;
import io.ktrdr.observability.dashboards.model.PrometheusTarget;
import io.ktrdr.observability.provisioning.GeneratedFiles;
import io.ktrdr.observability.provisioning.ProjectFiles;
import io.ktrdr.observability.provisioning.Provisioning;
import io.ktrdr.observability.provisioning.environment.EnvironmentFile;
import io.ktrdr.observability.provisioning.internal.PrometheusRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dashboards' operation and up queries, exactly as generated (Grafana's variables at "All",
 * {@code $__range} one hour, {@code $__rate_interval} five minutes), evaluated by promtool on the
 * series KTRDR emits today and on those it will emit once its orphan detector is fixed: each panel
 * must show the same, true numbers in both.
 *
 * <p>The workload of one hour (evaluated at its end): backtest worker 1 completes a backtest a
 * minute (all within 60 s) and runs one now; training worker 1 completes a training a minute
 * (60 to 600 s) and runs one now; the backend completes two data loads a minute (within 60 s),
 * fails one, and runs one now. Today the backend's orphan detector also fails a backtest and a
 * training a minute (within 1 s), taking each off its {@code ktrdr_operations_active}. Homelab
 * targets: an optional worker port never started, and an optional worker that ran for ten minutes.
 */
@Execution(ExecutionMode.CONCURRENT)
class DashboardQueriesPromtoolTest {
  private static final String DEV = "environment=\"dev\"";
  private static final String BACKEND =
      "job=\"ktrdr-backend\", instance=\"backend:8000\", " + DEV + ", service=\"backend\", service_type=\"backend\"";
  private static final String BW1 = "job=\"ktrdr-workers\", instance=\"backtest-worker-1:5003\", " + DEV
      + ", service=\"backtest-worker-1\", service_type=\"worker\", worker_type=\"backtesting\"";
  private static final String TW1 = "job=\"ktrdr-workers\", instance=\"training-worker-1:5005\", " + DEV
      + ", service=\"training-worker-1\", service_type=\"worker\", worker_type=\"training\"";
  private static final String NEVER_STARTED = "job=\"ktrdr-workers\", instance=\"backtest-b:5004\", " + DEV
      + ", service=\"backtest-b-5004\", service_type=\"worker\", worker_type=\"backtesting\", optional=\"true\"";
  private static final String STOPPED = "job=\"ktrdr-workers\", instance=\"training-c:5008\", " + DEV
      + ", service=\"training-c-5008\", service_type=\"worker\", worker_type=\"training\", optional=\"true\"";

  /** What both behaviours emit. */
  private static final String COMMON = String.join("\n",
      series("up{" + BACKEND + "}", "1x70"),
      series("up{" + BW1 + "}", "1x70"),
      series("up{" + TW1 + "}", "1x70"),
      series("up{" + NEVER_STARTED + "}", "0x70"),
      series("up{" + STOPPED + "}", "1x10 0x60"),
      series("ktrdr_operations_active{" + BW1 + "}", "1x70"),
      series("ktrdr_operations_active{" + TW1 + "}", "1x70"),
      series(operations(BW1, "backtesting", "completed"), "0+1x70"),
      series(operations(TW1, "training", "completed"), "0+1x70"),
      series(operations(BACKEND, "data_load", "completed"), "0+2x70"),
      series(operations(BACKEND, "data_load", "failed"), "0+1x70"),
      buckets(BW1, "backtesting", "completed", 0, 1, 1, 1),
      buckets(TW1, "training", "completed", 0, 0, 1, 1),
      buckets(BACKEND, "data_load", "completed", 0, 2, 2, 2));

  /** KTRDR today: the orphan detector's failures of worker-run operations on the backend. */
  private static final String TODAY = String.join("\n", COMMON,
      series("ktrdr_operations_active{" + BACKEND + "}", "1-2x70"),
      series(operations(BACKEND, "backtesting", "failed"), "0+1x70"),
      series(operations(BACKEND, "training", "failed"), "0+1x70"),
      buckets(BACKEND, "backtesting", "failed", 1, 1, 1, 1),
      buckets(BACKEND, "training", "failed", 1, 1, 1, 1));

  /** KTRDR once fixed: no series of worker-run types on the backend. */
  private static final String FIXED = String.join("\n", COMMON,
      series("ktrdr_operations_active{" + BACKEND + "}", "1x70"));

  /** Dashboard uid, panel title, target index: the samples it must show in both behaviours. */
  private static final List<Expected> EXPECTED = List.of(
      new Expected("ktrdr-operations", "Active operations", 0, Map.of("{}", 3.0)),
      new Expected("ktrdr-operations", "Operations by type", 0, Map.of(
          type("backtesting"), 60.0, type("training"), 60.0, type("data_load"), 180.0)),
      new Expected("ktrdr-operations", "Operation success and failure rate", 0, Map.of("{}", 4.0)),
      new Expected("ktrdr-operations", "Operation success and failure rate", 1, Map.of("{}", 1.0)),
      new Expected("ktrdr-operations", "Operation success and failure rate", 2, Map.of("{}", 0.0)),
      new Expected("ktrdr-operations", "Operation duration distribution", 0, Map.of(
          "{le=\"1\"}", 0.0, "{le=\"60\"}", 180.0, "{le=\"600\"}", 240.0, "{le=\"+Inf\"}", 240.0)),
      new Expected("ktrdr-operations", "Operation duration p50 and p95 by type", 0, Map.of(
          type("backtesting"), 30.5, type("training"), 330.0, type("data_load"), 30.5)),
      new Expected("ktrdr-operations", "Operation duration p50 and p95 by type", 1, Map.of(
          type("backtesting"), 57.05, type("training"), 573.0, type("data_load"), 57.05)),
      new Expected("ktrdr-worker-status", "Operations by worker type", 0, Map.of(
          type("backtesting"), 60.0, type("training"), 60.0)),
      new Expected("ktrdr-worker-status", "Operations by worker type", 1, Map.of(
          type("backtesting"), 0.0, type("training"), 0.0)),
      new Expected("ktrdr-worker-status", "Worker health", 0, Map.of(
          row("backtest-worker-1", "backtesting"), 1.0, row("training-worker-1", "training"), 1.0,
          row("training-c-5008", "training"), 0.0)),
      new Expected("ktrdr-worker-status", "Worker availability", 0, Map.of(
          "up{" + BW1 + "}", 1.0, "up{" + TW1 + "}", 1.0, "up{" + STOPPED + "}", 0.0)),
      new Expected("ktrdr-system-overview", "Service health", 0, Map.of(
          "up{" + BACKEND + "}", 1.0, "up{" + BW1 + "}", 1.0, "up{" + TW1 + "}", 1.0,
          "up{" + STOPPED + "}", 0.0)));

  private static NativeBinary promtool;

  @BeforeAll
  static void findPromtool() {
    promtool = NativeBinary.promtool();
  }

  @ParameterizedTest(name = "KTRDR {0}")
  @ValueSource(strings = {"today", "fixed"})
  void everyOperationAndUpPanelShowsTheTruthInBothBehaviours(String behaviour, @TempDir Path dir)
      throws IOException {
    GeneratedFiles rules = Provisioning.renderMonitoring(
        EnvironmentFile.load(ProjectFiles.environment("dev")),
        ProjectFiles.root().resolve(Provisioning.MONITORING_DIR));
    Files.writeString(dir.resolve("ktrdr-recording-rules.yml"),
        rules.text(Provisioning.PROMETHEUS_DIR + "/" + PrometheusRules.RECORDING_FILE));
    StringBuilder tests = new StringBuilder()
        .append("rule_files:\n  - ktrdr-recording-rules.yml\nevaluation_interval: 1m\ntests:\n")
        .append("  - interval: 1m\n    input_series:\n")
        .append((behaviour.equals("today") ? TODAY : FIXED).indent(6))
        .append("    promql_expr_test:\n");
    for (Expected expected : EXPECTED) {
      tests.append("      - expr: ").append(quote(grafanaAtAll(expected.expr()))).append('\n')
          .append("        eval_time: 60m\n        exp_samples:\n");
      expected.samples().forEach((labels, value) -> tests
          .append("          - labels: ").append(quote(labels)).append('\n')
          .append("            value: ").append(value).append('\n'));
    }
    Files.writeString(dir.resolve("queries.test.yml"), tests);

    NativeBinary.Result result = promtool.run(dir, "test", "rules", "queries.test.yml");

    assertThat(result.exitCode()).as("promtool test rules, KTRDR %s:%n%s%n%s", behaviour, result.output(), tests)
        .isZero();
  }

  /** The query as Grafana sends it with every variable at All, over an hour. */
  static String grafanaAtAll(String expr) {
    return expr.replace("$__rate_interval", "5m").replace("$__range", "1h")
        .replaceAll("\\$\\{?(environment|operation_type|worker_type|service)\\}?", ".*");
  }

  private record Expected(String dashboard, String panel, int target, Map<String, Double> samples) {
    String expr() {
      Dashboard board = KtrdrDashboards.all().stream().filter(d -> d.uid().equals(dashboard)).findFirst()
          .orElseThrow();
      Panel found = board.allPanels().stream().filter(p -> p.title().equals(panel)).findFirst()
          .orElseThrow(() -> new AssertionError("no panel " + panel + " on " + dashboard));
      List<PrometheusTarget> targets = found.prometheusTargets();
      return targets.get(target).expr();
    }
  }

  private static String series(String name, String values) {
    return "- series: " + quote(name) + "\n  values: " + quote(values);
  }

  private static String operations(String target, String type, String status) {
    return "ktrdr_operations_total{" + target + ", operation_type=\"" + type + "\", status=\"" + status + "\"}";
  }

  /** Duration buckets 1, 60, 600 and +Inf growing by these counts a minute. */
  private static String buckets(String target, String type, String status, int le1, int le60, int le600, int inf) {
    String[] les = {"1", "60", "600", "+Inf"};
    int[] perMinute = {le1, le60, le600, inf};
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < les.length; i++) {
      if (i > 0) {
        text.append('\n');
      }
      text.append(series("ktrdr_operation_duration_seconds_bucket{" + target + ", operation_type=\"" + type
          + "\", status=\"" + status + "\", le=\"" + les[i] + "\"}", "0+" + perMinute[i] + "x70"));
    }
    return text.toString();
  }

  private static String type(String operationType) {
    return "{operation_type=\"" + operationType + "\"}";
  }

  private static String row(String service, String workerType) {
    return "{" + DEV + ", service=\"" + service + "\", worker_type=\"" + workerType + "\"}";
  }

  private static String quote(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
