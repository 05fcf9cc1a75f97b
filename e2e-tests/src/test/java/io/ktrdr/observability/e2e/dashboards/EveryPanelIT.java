package io.ktrdr.observability.e2e.dashboards;

import io.ktrdr.observability.e2e.harness.SimulatorRun;
import io.ktrdr.observability.e2e.harness.StackHandle;
import io.ktrdr.observability.e2e.panels.DirectQueryPath;
import io.ktrdr.observability.e2e.panels.QueryPath;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every panel, each target sent to Prometheus and Jaeger as Grafana's backend would send it. How
 * soon the panels fill is watched from the steady simulator's start ({@link PanelPopulation}) while
 * the classes before this one run.
 */
@Order(5)
@ExtendWith(SharedStack.class)
class EveryPanelIT extends EveryPanelChecks {
  @Override
  QueryPath path(StackHandle stack) {
    return DirectQueryPath.of(stack.prometheusUri(), stack.jaegerQueryUri());
  }

  @Override
  Map<String, Instant> populatedAtTheDefaults(StackHandle stack, SimulatorRun simulator) {
    return SharedStack.population(stack).await();
  }
}
