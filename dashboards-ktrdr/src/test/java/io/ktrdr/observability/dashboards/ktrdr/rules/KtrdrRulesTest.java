package io.ktrdr.observability.dashboards.ktrdr.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ktrdr.observability.dashboards.ktrdr.KtrdrDashboards;
import io.ktrdr.observability.dashboards.ktrdr.KtrdrMetricCatalog;
import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.dashboards.model.Panel;
import io.ktrdr.observability.dashboards.model.PrometheusTarget;
import io.ktrdr.observability.dashboards.model.Variable;
import io.ktrdr.observability.dashboards.promql.PromQl;
import io.ktrdr.observability.dashboards.promql.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class KtrdrRulesTest {
  private static final Pattern RECORDED = Pattern.compile("[a-z_]+:[a-z0-9_]+:[a-z0-9_]+");

  private static List<String> dashboardQueries() {
    List<String> queries = new ArrayList<>();
    for (Dashboard dashboard : KtrdrDashboards.all()) {
      for (Panel panel : dashboard.allPanels()) {
        panel.prometheusTargets().stream().map(PrometheusTarget::expr).forEach(queries::add);
      }
    }
    return queries;
  }

  @Test
  void theDashboardsReadRecordedSeriesAndOnlyThoseTheRulesRecord() {
    List<String> records = KtrdrRecordingRules.all().stream().map(RecordingRule::record).toList();
    List<String> used = new ArrayList<>();
    for (String query : dashboardQueries()) {
      Matcher recorded = RECORDED.matcher(query);
      while (recorded.find()) {
        used.add(recorded.group());
      }
    }

    assertThat(used).isNotEmpty().allMatch(records::contains)
        .contains(KtrdrRecordingRules.HTTP_REQUESTS_RATE.record(),
            KtrdrRecordingRules.HTTP_DURATION_BUCKETS_RATE.record());
  }

  @Test
  void everyRecordedSeriesIsInTheLintsMetricCatalog() {
    for (RecordingRule rule : KtrdrRecordingRules.all()) {
      assertThat(KtrdrMetricCatalog.catalog().contains(rule.record())).as(rule.record()).isTrue();
    }
  }

  @Test
  void recordingRulesReadOnlyRulesListedBeforeThem() {
    List<String> earlier = new ArrayList<>();
    for (RecordingRule rule : KtrdrRecordingRules.all()) {
      Matcher recorded = RECORDED.matcher(rule.expr().toString());
      while (recorded.find()) {
        assertThat(earlier).as(rule.record() + " reads " + recorded.group()).contains(recorded.group());
      }
      earlier.add(rule.record());
    }
  }

  @Test
  void namesAreUnique() {
    assertThat(KtrdrRecordingRules.all().stream().map(RecordingRule::record)).doesNotHaveDuplicates();
    assertThat(KtrdrAlertRules.all().stream().map(AlertRule::alert)).doesNotHaveDuplicates();
  }

  @Test
  void everyRecordingRuleKeepsTheTargetLabelsAndDeclaresItsWindowsFixed() {
    for (RecordingRule rule : KtrdrRecordingRules.all()) {
      // Operation series are counted per type over all the workers running it (no service), and
      // the running operations are one number per environment.
      String kept = rule.record().startsWith("environment:") ? "by (environment)"
          // max_over_time keeps every label of the target.
          : rule.record().equals(KtrdrRecordingRules.OPTIONAL_TARGETS_STARTED.record()) ? "max_over_time(up{"
          : rule.record().contains("ktrdr_") ? "environment, operation_type, job"
          : "environment, job, service";
      assertThat(rule.expr().toString()).as(rule.record())
          .contains(kept)
          .doesNotContain("$__");
      if (rule.expr().toString().contains("[")) {
        assertThat(rule.expr().fixedWindowReason()).as(rule.record() + " declares its window fixed").isPresent();
      }
    }
  }

  @Test
  void everyAlertLinksToAKtrdrDashboardWithVariablesItHas() {
    Map<String, Dashboard> dashboards = KtrdrDashboards.all().stream()
        .collect(Collectors.toMap(Dashboard::uid, Function.identity()));
    for (AlertRule rule : KtrdrAlertRules.all()) {
      Dashboard dashboard = dashboards.get(rule.dashboardUid());
      assertThat(dashboard).as(rule.alert() + " links to " + rule.dashboardUid()).isNotNull();
      List<String> variables = dashboard.variables().stream().map(Variable::name).toList();
      assertThat(variables).as(rule.alert()).containsAll(rule.dashboardVariables());
      assertThat(rule.dashboardVariables()).as(rule.alert()).contains("environment");
    }
  }

  @Test
  void everyAlertHasASeverityASummaryADescriptionAndAForDuration() {
    assertThat(KtrdrAlertRules.all()).hasSize(7).allSatisfy(rule -> {
      assertThat(rule.summary()).isNotBlank();
      assertThat(rule.description()).hasSizeGreaterThan(rule.summary().length());
      assertThat(rule.forDuration()).matches("[0-9]+[smh]");
    });
    assertThat(KtrdrAlertRules.SERVICE_DOWN.severity()).isEqualTo(Severity.CRITICAL);
  }

  @Test
  void theBackendAndWorkerAlertsReadTheUpSeriesOfTheirJob() {
    assertThat(KtrdrAlertRules.SERVICE_DOWN.expr().toString()).isEqualTo("up{job=\"ktrdr-backend\"} == 0");
    assertThat(KtrdrAlertRules.WORKER_DOWN.expr().toString()).isEqualTo("up{job=\"ktrdr-workers\"} == 0"
        + " unless on (environment, service) service:ktrdr_optional_target_up:max1d == 0");
  }

  @Test
  void rulesRefuseGrafanaVariablesAndMisnamedSeries() {
    assertThatThrownBy(() -> new RecordingRule("job:x:rate5m",
            PromQl.rate(PromQl.metric("x_total"), Window.rateInterval()), "x"))
        .hasMessageStartingWith("expr: rules run without Grafana, so no $ variables");
    assertThatThrownBy(() -> new RecordingRule("x_rate", PromQl.metric("x"), "x"))
        .hasMessage("record: expected level:metric:operations, got \"x_rate\"");
    assertThatThrownBy(() -> AlertRule.builder("KtrdrX").expr(PromQl.metric("up").eq(0)).forDuration("5 minutes")
            .severity(Severity.WARNING).summary("s").description("d").dashboard("ktrdr-operations").build())
        .hasMessage("forDuration: expected a Prometheus duration such as 5m, got \"5 minutes\"");
  }
}
