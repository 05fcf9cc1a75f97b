package io.ktrdr.observability.dashboards.ktrdr;

import static org.assertj.core.api.Assertions.assertThat;

import io.ktrdr.observability.dashboards.ktrdr.KtrdrMetricCatalog.Metric;
import io.ktrdr.observability.dashboards.ktrdr.KtrdrMetricCatalog.Type;
import io.ktrdr.observability.dashboards.model.Dashboard;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class KtrdrMetricCatalogTest {

  private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{");

  @Test
  void everyMetricTheDashboardsQueryIsOneKtrdrEmits() {
    int selectors = 0;
    for (Dashboard dashboard : KtrdrDashboards.all()) {
      for (String query : Dashboards.promql(dashboard)) {
        Matcher selector = SELECTOR.matcher(query);
        while (selector.find()) {
          selectors++;
          assertThat(KtrdrMetricCatalog.familyOf(selector.group(1)))
              .as(dashboard.uid() + ": " + query)
              .isPresent();
        }
      }
    }
    assertThat(selectors).isGreaterThan(20);
  }

  @Test
  void typesFollowTheContractIncludingTheGaugeNamedLikeACounter() {
    assertThat(KtrdrMetricCatalog.metric("ktrdr_workers_registered_total").map(Metric::type))
        .contains(Type.GAUGE);
    assertThat(KtrdrMetricCatalog.metric("ktrdr_operations_total").map(Metric::type))
        .contains(Type.COUNTER);
    assertThat(KtrdrMetricCatalog.metric("ktrdr_operation_duration_seconds").map(Metric::type))
        .contains(Type.HISTOGRAM);
    assertThat(KtrdrMetricCatalog.metric("up").map(Metric::type)).contains(Type.GAUGE);
    assertThat(KtrdrMetricCatalog.metric("target_info").map(Metric::type)).contains(Type.INFO);
  }

  @Test
  void seriesBelongToTheirFamily() {
    assertThat(KtrdrMetricCatalog.familyOf("ktrdr_operation_duration_seconds_bucket"))
        .map(Metric::name)
        .contains("ktrdr_operation_duration_seconds");
    assertThat(KtrdrMetricCatalog.familyOf("ktrdr_operations_created"))
        .map(Metric::name)
        .contains("ktrdr_operations_total");
    assertThat(KtrdrMetricCatalog.familyOf("http_server_duration_milliseconds_count"))
        .map(Metric::name)
        .contains("http_server_duration_milliseconds");
  }

  @Test
  void namesKtrdrDoesNotEmitAreNotInTheCatalog() {
    // The name OpenTelemetry's exporter would give the registry gauge, newer HTTP conventions,
    // seconds instead of milliseconds, and the exporter's series that have no _created.
    assertThat(KtrdrMetricCatalog.familyOf("ktrdr_workers_registered")).isEmpty();
    assertThat(KtrdrMetricCatalog.familyOf("http_server_request_duration_seconds_bucket")).isEmpty();
    assertThat(KtrdrMetricCatalog.familyOf("http_server_duration_seconds_bucket")).isEmpty();
    assertThat(KtrdrMetricCatalog.familyOf("http_server_duration_milliseconds_created")).isEmpty();
    assertThat(KtrdrMetricCatalog.familyOf("ktrdr_operations_active_total")).isEmpty();
  }
}
