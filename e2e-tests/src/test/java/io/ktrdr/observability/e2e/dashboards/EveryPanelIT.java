package io.ktrdr.observability.e2e.dashboards;

import io.ktrdr.observability.e2e.harness.StackHandle;
import io.ktrdr.observability.e2e.panels.DirectQueryPath;
import io.ktrdr.observability.e2e.panels.QueryPath;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every panel, each target sent to Prometheus and Jaeger as Grafana's backend would send it. */
@Order(1)
@ExtendWith(SharedStack.class)
class EveryPanelIT extends EveryPanelChecks {
  @Override
  QueryPath path(StackHandle stack) {
    return DirectQueryPath.of(stack.prometheusUri(), stack.jaegerQueryUri());
  }
}
