package io.ktrdr.observability.e2e.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.e2e.harness.SimulatorRun;
import io.ktrdr.observability.e2e.harness.StackHandle;
import io.ktrdr.observability.e2e.panels.PanelQuery;
import io.ktrdr.observability.e2e.panels.QueryPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Every panel of every dashboard returns data: each target, at the dashboard's defaults and with
 * one other value of each variable, over the default time range, within a deadline after the
 * simulator starts. The query path is the subclass's.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class EveryPanelChecks {
  /** From the simulator's start until every panel must have data. */
  static final Duration DEADLINE = Duration.ofSeconds(45);

  abstract QueryPath path(StackHandle stack);

  @Test
  @Order(1)
  void everyPanelOfEveryDashboardReturnsDataAtTheDefaults(StackHandle stack) {
    SimulatorRun simulator = SharedStack.steady(stack);
    Map<String, Instant> populatedAt = populatedAtTheDefaults(stack, simulator);

    Instant first = Collections.min(populatedAt.values());
    Instant last = Collections.max(populatedAt.values());
    RunFigures.record("[" + path(stack).name() + "] simulator start to first populated panel",
        Duration.between(simulator.startedAt(), first).abs());
    RunFigures.record("[" + path(stack).name() + "] simulator start to all panels populated",
        Duration.between(simulator.startedAt(), last).abs());
    RunFigures.record("[" + path(stack).name() + "] panels checked",
        Panels.DASHBOARDS.stream().mapToLong(d -> d.allPanels().stream().filter(p -> !p.targets().isEmpty()).count()).sum());
    RunFigures.record("[" + path(stack).name() + "] queries checked at the defaults", populatedAt.size());
    populatedAt.entrySet().stream().sorted(Map.Entry.<String, Instant>comparingByValue().reversed()).limit(3)
        .forEach(e -> RunFigures.record("[" + path(stack).name() + "] among the last populated: " + e.getKey(),
            Duration.between(simulator.startedAt(), e.getValue())));
  }

  /**
   * When each target at the defaults first returned data, polled from now until the deadline after
   * the simulator's start; fails naming those still without data then.
   */
  Map<String, Instant> populatedAtTheDefaults(StackHandle stack, SimulatorRun simulator) {
    Panels panels = new Panels(stack, path(stack));
    return panels.awaitAllPopulated(panels::defaults, remaining(simulator));
  }

  @Test
  @Order(2)
  void everyPanelReturnsDataWithOneOtherValueOfEachVariable(StackHandle stack) {
    SimulatorRun simulator = SharedStack.steady(stack);
    Panels panels = new Panels(stack, path(stack));
    Map<String, Integer> selectionsChecked = new LinkedHashMap<>();

    // Options are found as Grafana finds them, from the data: re-planned each round as it arrives.
    Map<String, Instant> populatedAt = panels.awaitAllPopulated(to -> {
      List<PanelQuery> queries = new ArrayList<>();
      for (Dashboard dashboard : Panels.DASHBOARDS) {
        Instant from = Panels.defaultFrom(dashboard, to);
        Map<String, Map<String, List<String>>> selections = panels.otherValues(dashboard, from, to);
        long choosable = dashboard.variables().stream().filter(v -> !"datasource".equals(v.type())).count();
        assertThat(selections)
            .as("%s: variables with another value to choose (all but the datasources)", dashboard.title())
            .hasSize((int) choosable);
        selectionsChecked.put(dashboard.uid(), selections.size());
        selections.values().forEach(selection -> queries.addAll(panels.plan(dashboard, selection, from, to)));
      }
      return queries;
    }, remaining(simulator).plusSeconds(15));

    RunFigures.record("[" + path(stack).name() + "] variable values checked besides the defaults",
        selectionsChecked.values().stream().mapToLong(Integer::longValue).sum());
    RunFigures.record("[" + path(stack).name() + "] queries checked with other variable values", populatedAt.size());
  }

  private static Duration remaining(SimulatorRun simulator) {
    Duration left = DEADLINE.minus(Duration.between(simulator.startedAt(), Instant.now()));
    return left.compareTo(Duration.ofSeconds(5)) < 0 ? Duration.ofSeconds(5) : left;
  }
}
