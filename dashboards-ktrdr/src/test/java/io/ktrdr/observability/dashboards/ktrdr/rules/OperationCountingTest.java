package io.ktrdr.observability.dashboards.ktrdr.rules;

import static io.ktrdr.observability.dashboards.promql.PromQl.increase;
import static io.ktrdr.observability.dashboards.promql.PromQl.metric;
import static org.assertj.core.api.Assertions.assertThat;

import io.ktrdr.observability.dashboards.promql.Selector;
import io.ktrdr.observability.dashboards.promql.Window;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperationCountingTest {
  private static final Selector WORKERS = metric("ktrdr_operations_total").eq("job", "ktrdr-workers");
  private static final Selector BACKEND = metric("ktrdr_operations_total").eq("job", "ktrdr-backend");

  @Test
  void workersFirstThenTheBackendForTheTypesNoWorkerExposes() {
    assertThat(OperationCounting.workersFirst(WORKERS, BACKEND, s -> increase(s, Window.range()),
            List.of("operation_type")).toString())
        .isEqualTo("sum by (operation_type) (increase(ktrdr_operations_total{job=\"ktrdr-workers\"}[$__range]))"
            + " or on (operation_type)"
            + " sum by (operation_type) (increase(ktrdr_operations_total{job=\"ktrdr-backend\"}[$__range]))");
  }

  @Test
  void aNarrowedQueryClaimsForTheWorkersEveryTypeTheyExposeInAnyStatus() {
    assertThat(OperationCounting.workersFirst(WORKERS, BACKEND, s -> s.eq("status", "failed"),
            s -> increase(s, Window.range()), List.of("environment", "operation_type"), "job").toString())
        .isEqualTo("sum by (environment, operation_type, job) (increase(ktrdr_operations_total{job=\"ktrdr-workers\","
            + " status=\"failed\"}[$__range]))"
            + " or sum by (environment, operation_type, job) (increase(ktrdr_operations_total{job=\"ktrdr-workers\"}"
            + "[$__range])) * 0"
            + " or on (environment, operation_type)"
            + " sum by (environment, operation_type, job) (increase(ktrdr_operations_total{job=\"ktrdr-backend\","
            + " status=\"failed\"}[$__range]))");
  }
}
