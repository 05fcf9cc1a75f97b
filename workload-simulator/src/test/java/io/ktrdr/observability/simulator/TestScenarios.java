package io.ktrdr.observability.simulator;

import io.ktrdr.observability.simulator.model.OperationType;
import io.ktrdr.observability.simulator.model.Scenario;

/** Scenarios that make a live run at high time scale show everything within a few seconds. */
final class TestScenarios {

  private TestScenarios() {}

  /**
   * Every operation type often, training workers over-subscribed (so some operations find no
   * worker), and one request in five failing. Backtests (30 s) and research cycles (a minute) are
   * short and backend-local operations a minute apart per type, so that few of those run at once
   * while many worker-run operations end: today's orphan detector's spurious failures take the
   * backend's active gauge below zero within a second or two at 600x. No more arrivals than that
   * (some 120 a wall second at 600x, each a request with its spans), as several such runs share
   * the test machine's cores.
   */
  static Scenario busy() {
    return busy(0.2);
  }

  /**
   * As {@link #busy()} with no request failing: every start reaches its worker at once (a start
   * answered 500 is sent again only after a pause).
   */
  static Scenario busyWithoutErrors() {
    return busy(0);
  }

  private static Scenario busy(double httpErrorRatio) {
    Scenario.Builder builder = Scenario.builder().name("busy").httpErrorRatio(httpErrorRatio);
    for (OperationType type : OperationType.values()) {
      builder.ratePerHour(type, 60);
    }
    return builder
        .ratePerHour(OperationType.BACKTESTING, 240)
        .ratePerHour(OperationType.TRAINING, 60)
        .duration(OperationType.BACKTESTING, new Scenario.DurationDistribution(30, 0.6))
        .duration(OperationType.TRAINING, new Scenario.DurationDistribution(2400, 0.3))
        .duration(OperationType.AGENT_RESEARCH, new Scenario.DurationDistribution(60, 0.3))
        .build();
  }
}
