package io.ktrdr.observability.dashboards.promql;

import static io.ktrdr.observability.dashboards.promql.PromQl.absent;
import static io.ktrdr.observability.dashboards.promql.PromQl.avg;
import static io.ktrdr.observability.dashboards.promql.PromQl.changes;
import static io.ktrdr.observability.dashboards.promql.PromQl.clampMin;
import static io.ktrdr.observability.dashboards.promql.PromQl.count;
import static io.ktrdr.observability.dashboards.promql.PromQl.histogramQuantile;
import static io.ktrdr.observability.dashboards.promql.PromQl.increase;
import static io.ktrdr.observability.dashboards.promql.PromQl.irate;
import static io.ktrdr.observability.dashboards.promql.PromQl.labelReplace;
import static io.ktrdr.observability.dashboards.promql.PromQl.max;
import static io.ktrdr.observability.dashboards.promql.PromQl.metric;
import static io.ktrdr.observability.dashboards.promql.PromQl.number;
import static io.ktrdr.observability.dashboards.promql.PromQl.rate;
import static io.ktrdr.observability.dashboards.promql.PromQl.raw;
import static io.ktrdr.observability.dashboards.promql.PromQl.resets;
import static io.ktrdr.observability.dashboards.promql.PromQl.sum;
import static io.ktrdr.observability.dashboards.promql.PromQl.time;
import static io.ktrdr.observability.dashboards.promql.PromQl.timestamp;
import static io.ktrdr.observability.dashboards.promql.PromQl.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ktrdr.observability.dashboards.internal.promql.PromQlParser;
import io.ktrdr.observability.dashboards.model.PrometheusTarget;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromQlTest {

  @Test
  void selectorQuotesAndEscapesMatcherValues() {
    Selector selector =
        metric("up")
            .eq("job", "ktrdr-workers")
            .ne("service", "a\"b")
            .re("worker_type", "$worker_type")
            .nre("path", "/api/v1/data/.*\\.csv");

    assertThat(selector)
        .hasToString(
            "up{job=\"ktrdr-workers\", service!=\"a\\\"b\", worker_type=~\"$worker_type\","
                + " path!~\"/api/v1/data/.*\\\\.csv\"}");
  }

  @Test
  void bareMetricHasNoBraces() {
    assertThat(metric("ktrdr_operations_active")).hasToString("ktrdr_operations_active");
  }

  @Test
  void ratesUseRateIntervalByDefault() {
    assertThat(rate(metric("ktrdr_operations_total").eq("status", "failed")))
        .hasToString("rate(ktrdr_operations_total{status=\"failed\"}[$__rate_interval])");
    assertThat(increase(metric("x_total"))).hasToString("increase(x_total[$__rate_interval])");
    assertThat(irate(metric("x_total"))).hasToString("irate(x_total[$__rate_interval])");
  }

  @Test
  void fixedWindowNeedsAReasonAndTravelsToTheTarget() {
    Expr expr = sum(increase(metric("x_total"), Window.fixed("1h", "hourly buckets")));

    PrometheusTarget target = PromQl.target(expr).build();

    assertThat(target.expr()).isEqualTo("sum(increase(x_total[1h]))");
    assertThat(target.fixedWindowReason()).isEqualTo("hourly buckets");
    assertThat(PromQl.target(rate(metric("x_total"))).build().fixedWindowReason()).isNull();
    assertThatThrownBy(() -> Window.fixed("1h", " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fixed window 1h needs a reason");
    assertThatThrownBy(() -> Window.fixed("an hour", "why"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a PromQL duration: an hour");
  }

  @Test
  void aggregationsGroupByOrWithoutLabels() {
    assertThat(sum(rate(metric("x_total"))).by("worker_type", "status"))
        .hasToString("sum by (worker_type, status) (rate(x_total[$__rate_interval]))");
    assertThat(max(metric("up")).without("instance")).hasToString("max without (instance) (up)");
    assertThat(count(metric("up"))).hasToString("count(up)");
    assertThat(PromQl.topk(5, avg(metric("up")).by("job")))
        .hasToString("topk(5, avg by (job) (up))");
    assertThat(PromQl.bottomk(2, metric("up"))).hasToString("bottomk(2, up)");
    assertThat(PromQl.quantile(0.9, metric("up")).by("job"))
        .hasToString("quantile by (job) (0.9, up)");
    assertThat(PromQl.group(metric("up")).by("service")).hasToString("group by (service) (up)");
  }

  @Test
  void histogramQuantileOfSummedBucketRates() {
    Expr p95 =
        histogramQuantile(
            0.95,
            sum(rate(metric("ktrdr_operation_duration_seconds_bucket")
                    .re("operation_type", "$operation_type")))
                .by("le", "operation_type"));

    assertThat(p95)
        .hasToString(
            "histogram_quantile(0.95, sum by (le, operation_type) (rate("
                + "ktrdr_operation_duration_seconds_bucket{operation_type=~\"$operation_type\"}"
                + "[$__rate_interval])))");
  }

  @Test
  void binaryOperatorsMatchOnLabelsAndParenthesizeWeakerOperands() {
    Expr failed = sum(rate(metric("ops_total").eq("status", "failed"))).by("type");
    Expr all = sum(rate(metric("ops_total"))).by("type");

    assertThat(failed.div(all).on("type"))
        .hasToString(
            "sum by (type) (rate(ops_total{status=\"failed\"}[$__rate_interval])) / on (type)"
                + " sum by (type) (rate(ops_total[$__rate_interval]))");
    assertThat(metric("a").plus(metric("b")).times(2)).hasToString("(a + b) * 2");
    assertThat(metric("a").minus(metric("b").minus(metric("c")))).hasToString("a - (b - c)");
    assertThat(metric("a").or(vector(0))).hasToString("a or vector(0)");
    assertThat(metric("a").unless(metric("b")).and(metric("c")))
        .hasToString("a unless b and c");
    assertThat(metric("a").div(metric("b")).ignoring("status").groupLeft("worker_type"))
        .hasToString("a / ignoring (status) group_left (worker_type) b");
    assertThat(metric("up").eq(0).bool()).hasToString("up == bool 0");
  }

  @Test
  void everyComparisonFiltersOrWithBoolAnswersZeroOrOne() {
    Expr up = metric("up");

    assertThat(up.ge(1)).hasToString("up >= 1");
    assertThat(up.le(0.5)).hasToString("up <= 0.5");
    assertThat(up.gt(0)).hasToString("up > 0");
    assertThat(up.lt(1)).hasToString("up < 1");
    assertThat(up.eq(1)).hasToString("up == 1");
    assertThat(up.ne(1)).hasToString("up != 1");
    assertThat(up.ge(metric("min_up")).bool()).hasToString("up >= bool min_up");
    assertThat(up.le(metric("max_up")).on("job").bool()).hasToString("up <= bool on (job) max_up");
    assertThat(up.lt(metric("b"))).hasToString("up < b");
    assertThat(up.eq(metric("b")).ignoring("instance")).hasToString("up == ignoring (instance) b");
    assertThat(up.ne(metric("b")).bool()).hasToString("up != bool b");
    assertThat(up.ge(1).or(vector(0))).hasToString("up >= 1 or vector(0)");
    assertThat(up.plus(metric("b")).le(2)).hasToString("up + b <= 2");
  }

  @Test
  void boolOnArithmeticIsRefused() {
    assertThatThrownBy(() -> metric("a").plus(metric("b")).bool())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("bool applies to comparisons only, not +");
  }

  @Test
  void labelReplaceTakesAnEmptySourceLabel() {
    assertThat(labelReplace(vector(0), "operation_type", "training", "", ""))
        .hasToString("label_replace(vector(0), \"operation_type\", \"training\", \"\", \"\")");
    assertThatThrownBy(() -> labelReplace(vector(0), "l", "v", "a-b", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a label name: a-b");
    assertThatThrownBy(() -> labelReplace(vector(0), "", "v", "", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a label name: ");
  }

  @Test
  void functionsOfTimeAndLabels() {
    assertThat(time().minus(metric("process_start_time_seconds")))
        .hasToString("time() - process_start_time_seconds");
    assertThat(timestamp(metric("up"))).hasToString("timestamp(up)");
    assertThat(changes(metric("process_start_time_seconds"), Window.range()))
        .hasToString("changes(process_start_time_seconds[$__range])");
    assertThat(resets(metric("x_total"), Window.interval()))
        .hasToString("resets(x_total[$__interval])");
    assertThat(clampMin(metric("a"), 0)).hasToString("clamp_min(a, 0)");
    assertThat(absent(metric("up").eq("job", "x"))).hasToString("absent(up{job=\"x\"})");
    assertThat(labelReplace(metric("up"), "host", "$1", "instance", "(.*):.*"))
        .hasToString("label_replace(up, \"host\", \"$1\", \"instance\", \"(.*):.*\")");
  }

  @Test
  void offsetFollowsTheRange() {
    assertThat(rate(metric("x_total").offset("1d")))
        .hasToString("rate(x_total[$__rate_interval] offset 1d)");
    assertThat(metric("up").offset("1h")).hasToString("up offset 1h");
  }

  @Test
  void numbersHaveNoNeedlessFraction() {
    assertThat(number(100)).hasToString("100");
    assertThat(number(0.5)).hasToString("0.5");
    assertThat(number(Double.POSITIVE_INFINITY)).hasToString("+Inf");
  }

  @Test
  void rawTextIsParenthesizedAsAnOperand() {
    assertThat(raw("a + b").times(2)).hasToString("(a + b) * 2");
  }

  @Test
  void composedExpressionsAreValidPromQl() {
    List<Expr> expressions =
        List.of(
            histogramQuantile(0.99, sum(rate(metric("x_bucket").re("a", "$a"))).by("le")),
            sum(rate(metric("x_total").eq("s", "f"))).by("t")
                .div(sum(rate(metric("x_total"))).by("t")).on("t").or(vector(0)),
            metric("a").div(metric("b")).ignoring("status").groupLeft("worker_type"),
            labelReplace(vector(0), "t", "x", "t", ""),
            labelReplace(vector(0), "t", "x", "", ""),
            metric("up").ge(1).and(metric("up").le(metric("b")).bool()),
            metric("a").ne(metric("b")).on("job").or(metric("a").eq(0).bool()),
            time().minus(max(timestamp(metric("up"))).by("job")).gt(60).bool(),
            PromQl.quantile(0.5, rate(metric("x_total").offset("1h"))).without("instance"),
            clampMin(metric("a").minus(metric("b").minus(metric("c"))), 0));

    assertThat(expressions).allSatisfy(expr -> PromQlParser.parse(expr.toString()));
  }

  @Test
  void badNamesAreRefused() {
    assertThatThrownBy(() -> metric("1up"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a metric name: 1up");
    assertThatThrownBy(() -> metric("up").eq("worker-type", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a label name: worker-type");
    assertThatThrownBy(() -> sum(metric("up")).by("a b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a label name: a b");
    assertThatThrownBy(() -> histogramQuantile(95, metric("x_bucket")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("quantile must be 0 to 1: 95.0");
  }
}
