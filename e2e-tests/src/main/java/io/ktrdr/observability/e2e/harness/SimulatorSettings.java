package io.ktrdr.observability.e2e.harness;

import static java.util.Objects.requireNonNull;

import io.ktrdr.observability.simulator.model.KtrdrDefects;
import io.ktrdr.observability.simulator.model.Scenario;

/**
 * How the simulator runs in a test: a built-in scenario, its seed, how much faster than real time
 * the model runs, and which KTRDR it plays (today's, with the defects of its telemetry, or a fixed
 * one).
 */
public record SimulatorSettings(String scenario, long seed, double timeScale, KtrdrDefects ktrdrDefects) {
  /** Model seconds per wall second in tests: {@value}. An hour of KTRDR in a minute. */
  public static final double TEST_TIME_SCALE = 60;

  public SimulatorSettings {
    requireNonNull(scenario, "scenario");
    requireNonNull(ktrdrDefects, "ktrdrDefects");
    if (!Scenario.BUILT_IN.contains(scenario)) {
      throw new IllegalArgumentException("scenario must be one of " + Scenario.BUILT_IN + ": " + scenario);
    }
    if (!(timeScale > 0)) {
      throw new IllegalArgumentException("timeScale must be positive: " + timeScale);
    }
  }

  /** Today's KTRDR, as the simulator plays it by default. */
  public SimulatorSettings(String scenario, long seed, double timeScale) {
    this(scenario, seed, timeScale, KtrdrDefects.CURRENT);
  }

  /** A built-in scenario with seed 1 at {@link #TEST_TIME_SCALE}, today's KTRDR. */
  public static SimulatorSettings scenario(String scenario) {
    return new SimulatorSettings(scenario, 1, TEST_TIME_SCALE);
  }

  /** These settings playing {@code defects}. */
  public SimulatorSettings with(KtrdrDefects defects) {
    return new SimulatorSettings(scenario, seed, timeScale, defects);
  }

  /** The command-line arguments that select these settings. */
  public java.util.List<String> arguments() {
    return java.util.List.of("--scenario", scenario, "--seed", Long.toString(seed), "--time-scale", Double.toString(timeScale),
        "--ktrdr-defects", ktrdrDefects.label());
  }
}
