package io.ktrdr.observability.dashboards.lint;

import static io.ktrdr.observability.dashboards.lint.Lints.PROMETHEUS;
import static io.ktrdr.observability.dashboards.lint.Lints.dashboard;
import static io.ktrdr.observability.dashboards.lint.Lints.findings;
import static io.ktrdr.observability.dashboards.lint.Lints.withStat;
import static io.ktrdr.observability.dashboards.lint.Lints.withTarget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.dashboards.model.PrometheusTarget;
import io.ktrdr.observability.dashboards.model.Variable;
import org.junit.jupiter.api.Test;

class PromQlRulesTest {

  @Test
  void validPromQlWithGrafanaVariablesPasses() {
    Dashboard dashboard =
        withStat("Rate", "sum by ($group) (rate(ktrdr_operations_total{operation_type=~\"$type\"}"
            + "[$__rate_interval])) > $threshold");

    assertThat(findings("promql-syntax", dashboard)).isEmpty();
  }

  @Test
  void invalidPromQlIsReportedWithWhereAndWhy() {
    Dashboard dashboard = withStat("Broken", "sum(rate(ktrdr_operations_total[5m])");

    assertThat(findings("promql-syntax", dashboard))
        .extracting(Finding::panelTitle, Finding::refId, Finding::message)
        .containsExactly(
            tuple("Broken", "A",
                "invalid PromQL: expected ), got end of expression at column 37 in"
                    + " sum(rate(ktrdr_operations_total[5m])"));
  }

  @Test
  void invalidVariableQueryIsReported() {
    Dashboard dashboard =
        dashboard("d").variable(Variable.query("job", PROMETHEUS, "label_values(up{job=\"x}, job)"))
            .build();

    assertThat(findings("promql-syntax", dashboard))
        .extracting(Finding::panelTitle, Finding::message)
        .containsExactly(
            tuple(null, "variable job: invalid PromQL: unterminated string at column 8 in"
                + " up{job=\"x}"));
  }

  @Test
  void metricsOfTheCatalogPassIncludingHistogramSeriesAndCounterSuffixes() {
    Dashboard dashboard =
        withStat("Known",
            "sum(rate(ktrdr_operation_duration_seconds_bucket[$__rate_interval]))"
                + " + sum(rate(process_cpu_seconds_total[$__rate_interval]))"
                + " + max(ktrdr_operations_created) + sum(up)");

    assertThat(findings("metric-in-catalog", dashboard)).isEmpty();
  }

  @Test
  void metricNotInTheCatalogIsReported() {
    Dashboard dashboard =
        withStat("Latency", "histogram_quantile(0.95, sum by (le) (rate("
            + "http_request_duration_seconds_bucket[$__rate_interval])))");

    assertThat(findings("metric-in-catalog", dashboard))
        .extracting(Finding::panelTitle, Finding::refId, Finding::message)
        .containsExactly(
            tuple("Latency", "A",
                "metric http_request_duration_seconds_bucket is not in the catalog"));
  }

  @Test
  void metricOfAVariableQueryNotInTheCatalogIsReported() {
    Dashboard dashboard =
        dashboard("d").variable(Variable.query("worker", PROMETHEUS,
            "label_values(ktrdr_worker_info, worker_id)")).build();

    assertThat(findings("metric-in-catalog", dashboard))
        .extracting(Finding::panelTitle, Finding::message)
        .containsExactly(tuple(null, "variable worker: metric ktrdr_worker_info is not in the catalog"));
  }

  @Test
  void rateOverRateIntervalPasses() {
    assertThat(findings("rate-interval",
        withStat("Rate", "sum(rate(ktrdr_operations_total[$__rate_interval]))"))).isEmpty();
    assertThat(findings("rate-interval",
        withStat("Rate", "sum(increase(ktrdr_operations_total[${__rate_interval}]))"))).isEmpty();
  }

  @Test
  void fixedRateWindowIsReported() {
    Dashboard dashboard =
        withStat("Rate", "sum(rate(ktrdr_operations_total[5m])) / sum(irate(ktrdr_operations_total[$__range]))");

    assertThat(findings("rate-interval", dashboard))
        .extracting(Finding::panelTitle, Finding::refId, Finding::message)
        .containsExactly(
            tuple("Rate", "A",
                "rate() window is 5m; use $__rate_interval or declare a fixed window with a reason"),
            tuple("Rate", "A",
                "irate() window is $__range; use $__rate_interval or declare a fixed window with a"
                    + " reason"));
  }

  @Test
  void fixedRateWindowDeclaredWithAReasonPasses() {
    Dashboard dashboard =
        withTarget("Daily", PrometheusTarget.builder("sum(increase(ktrdr_operations_total[1d]))")
            .fixedWindow("operations per calendar day"));

    assertThat(findings("rate-interval", dashboard)).isEmpty();
  }

  @Test
  void countersInsideRateAndGaugesNamedTotalPass() {
    Dashboard dashboard =
        withStat("Fine",
            "sum(rate(ktrdr_operations_total[$__rate_interval])) + sum(ktrdr_workers_registered_total)"
                + " + count(ktrdr_operations_total) + sum(ktrdr_operation_duration_seconds_created)");

    assertThat(findings("counter-not-raw", dashboard)).isEmpty();
  }

  @Test
  void counterShownRawIsReported() {
    Dashboard dashboard = withStat("Failures", "sum(ktrdr_operations_total{status=\"failed\"})");

    assertThat(findings("counter-not-raw", dashboard))
        .extracting(Finding::panelTitle, Finding::refId, Finding::message)
        .containsExactly(
            tuple("Failures", "A",
                "counter ktrdr_operations_total is shown raw; wrap it in rate(), increase() or"
                    + " irate()"));
  }

  @Test
  void histogramSeriesShownRawAreReported() {
    Dashboard dashboard =
        withStat("Mean duration",
            "ktrdr_operation_duration_seconds_sum / ktrdr_operation_duration_seconds_count");

    assertThat(findings("counter-not-raw", dashboard))
        .extracting(Finding::message)
        .containsExactly(
            "histogram series ktrdr_operation_duration_seconds_sum is shown raw; wrap it in"
                + " rate(), increase() or irate()",
            "histogram series ktrdr_operation_duration_seconds_count is shown raw; wrap it in"
                + " rate(), increase() or irate()");
  }

  @Test
  void matchersOnStableLabelsPass() {
    Dashboard dashboard =
        withStat("Up", "sum(up{job=\"ktrdr-workers\", worker_type=~\"backtesting|training\"})");

    assertThat(findings("no-host-matcher", dashboard)).isEmpty();
  }

  @Test
  void matcherOnInstanceIsReported() {
    Dashboard dashboard = withStat("Workers", "sum(up{instance=~\".*:500[35]\"})");

    assertThat(findings("no-host-matcher", dashboard))
        .extracting(Finding::panelTitle, Finding::refId, Finding::message)
        .containsExactly(
            tuple("Workers", "A",
                "matcher instance=~\".*:500[35]\" selects by host; use stable target labels such"
                    + " as job or service"));
  }

  @Test
  void matcherValueLookingLikeAHostOrPortIsReported() {
    Dashboard dashboard =
        withStat("Hosts",
            "sum(up{target=\"backend:8000\"}) + sum(up{addr=~\".*:5003\"}) + sum(up{ip=\"10.0.0.7\"})"
                + " + sum(up{where=\"localhost\"})");

    assertThat(findings("no-host-matcher", dashboard))
        .extracting(Finding::message)
        .containsExactly(
            "matcher target=\"backend:8000\" names a host or port; use stable target labels such as"
                + " job or service",
            "matcher addr=~\".*:5003\" names a host or port; use stable target labels such as job"
                + " or service",
            "matcher ip=\"10.0.0.7\" names a host or port; use stable target labels such as job or"
                + " service",
            "matcher where=\"localhost\" names a host or port; use stable target labels such as"
                + " job or service");
  }
}
