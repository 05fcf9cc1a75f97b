package io.ktrdr.observability.simulator;

import io.ktrdr.observability.simulator.model.OperationType;
import io.ktrdr.observability.simulator.model.Scenario;

/** Scenarios that make a live run at high time scale show everything within a few seconds. */
final class TestScenarios {

  private TestScenarios() {}

  /**
   * Every operation type often, training workers over-subscribed (so some operations find no
   * worker), and one request in five failing.
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
      builder.ratePerHour(type, 200);
    }
    return builder
        .ratePerHour(OperationType.BACKTESTING, 900)
        .ratePerHour(OperationType.TRAINING, 300)
        .duration(OperationType.TRAINING, new Scenario.DurationDistribution(2400, 0.3))
        .duration(OperationType.AGENT_RESEARCH, new Scenario.DurationDistribution(600, 0.3))
        .build();
  }
}
