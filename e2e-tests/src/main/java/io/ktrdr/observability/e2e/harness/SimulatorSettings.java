package io.ktrdr.observability.e2e.harness;

import static java.util.Objects.requireNonNull;

import io.ktrdr.observability.simulator.model.Scenario;

/**
 * How the simulator runs in a test: a built-in scenario, its seed, and how much faster than real
 * time the model runs.
 */
public record SimulatorSettings(String scenario, long seed, double timeScale) {
  /** Model seconds per wall second in tests: {@value}. An hour of KTRDR in a minute. */
  public static final double TEST_TIME_SCALE = 60;

  public SimulatorSettings {
    requireNonNull(scenario, "scenario");
    if (!Scenario.BUILT_IN.contains(scenario)) {
      throw new IllegalArgumentException("scenario must be one of " + Scenario.BUILT_IN + ": " + scenario);
    }
    if (!(timeScale > 0)) {
      throw new IllegalArgumentException("timeScale must be positive: " + timeScale);
    }
  }

  /** A built-in scenario with seed 1 at {@link #TEST_TIME_SCALE}. */
  public static SimulatorSettings scenario(String scenario) {
    return new SimulatorSettings(scenario, 1, TEST_TIME_SCALE);
  }

  /** The command-line arguments that select these settings. */
  public java.util.List<String> arguments() {
    return java.util.List.of("--scenario", scenario, "--seed", Long.toString(seed), "--time-scale", Double.toString(timeScale));
  }
}
