package io.ktrdr.observability.e2e.harness;

import static java.util.Objects.requireNonNull;

import io.ktrdr.observability.simulator.model.KtrdrDefects;
import io.ktrdr.observability.simulator.model.Scenario;
import io.ktrdr.observability.simulator.model.Topology;

/**
 * How the simulator runs in a test: a built-in scenario, its seed, how much faster than real time
 * the model runs, which KTRDR it plays (today's, with the defects of its telemetry, or a fixed
 * one), which built-in topology of worker targets ({@code local}, or {@code homelab}, which needs a
 * stack configured from {@code environments/homelab.yaml}), and the share of worker-run operations
 * their client abandons (null: the scenario's, KTRDR's measured 1 in 8).
 */
public record SimulatorSettings(
    String scenario, long seed, double timeScale, KtrdrDefects ktrdrDefects, String topology, Double abandonedRatio) {
  /** Model seconds per wall second in tests: {@value}. An hour of KTRDR in a minute. */
  public static final double TEST_TIME_SCALE = 60;

  /**
   * Model seconds per wall second in a test on a stack of its own that waits for operations to end
   * (some 20 before it counts them): {@value}. The steady workload ends about 49 an hour, so at
   * {@link #TEST_TIME_SCALE} they take 25 s to come, here 12 s. API traffic stays at its wall-clock
   * ceiling, so the run costs no more CPU a second.
   */
  public static final double FAST_TIME_SCALE = 120;

  public SimulatorSettings {
    requireNonNull(scenario, "scenario");
    requireNonNull(ktrdrDefects, "ktrdrDefects");
    requireNonNull(topology, "topology");
    if (!Topology.BUILT_IN.contains(topology)) {
      throw new IllegalArgumentException("topology must be one of " + Topology.BUILT_IN + ": " + topology);
    }
    if (!Scenario.BUILT_IN.contains(scenario)) {
      throw new IllegalArgumentException("scenario must be one of " + Scenario.BUILT_IN + ": " + scenario);
    }
    if (!(timeScale > 0)) {
      throw new IllegalArgumentException("timeScale must be positive: " + timeScale);
    }
    if (abandonedRatio != null && !(abandonedRatio >= 0 && abandonedRatio <= 1)) {
      throw new IllegalArgumentException("abandonedRatio must be between 0 and 1: " + abandonedRatio);
    }
  }

  /** The scenario's share of abandoned operations. */
  public SimulatorSettings(String scenario, long seed, double timeScale, KtrdrDefects ktrdrDefects, String topology) {
    this(scenario, seed, timeScale, ktrdrDefects, topology, null);
  }

  /** Today's KTRDR, as the simulator plays it by default, on KTRDR's local four workers. */
  public SimulatorSettings(String scenario, long seed, double timeScale) {
    this(scenario, seed, timeScale, KtrdrDefects.CURRENT, "local");
  }

  /** A built-in scenario with seed 1 at {@link #TEST_TIME_SCALE}, today's KTRDR. */
  public static SimulatorSettings scenario(String scenario) {
    return new SimulatorSettings(scenario, 1, TEST_TIME_SCALE);
  }

  /**
   * These settings with the model running {@code timeScale} times faster than real time: for a test
   * that waits for a number of operations to end, which come {@code timeScale / }{@value
   * #TEST_TIME_SCALE} times sooner than at the usual scale.
   */
  public SimulatorSettings atTimeScale(double timeScale) {
    return new SimulatorSettings(scenario, seed, timeScale, ktrdrDefects, topology, abandonedRatio);
  }

  /** These settings playing {@code defects}. */
  public SimulatorSettings with(KtrdrDefects defects) {
    return new SimulatorSettings(scenario, seed, timeScale, defects, topology, abandonedRatio);
  }

  /** These settings on the built-in topology {@code name}. */
  public SimulatorSettings onTopology(String name) {
    return new SimulatorSettings(scenario, seed, timeScale, ktrdrDefects, name, abandonedRatio);
  }

  /** These settings with {@code ratio} of the worker-run operations abandoned by their client. */
  public SimulatorSettings abandoning(double ratio) {
    return new SimulatorSettings(scenario, seed, timeScale, ktrdrDefects, topology, ratio);
  }

  /** The scenario these settings run, with their share of abandoned operations. */
  public Scenario resolvedScenario() {
    Scenario named = Scenario.named(scenario);
    return abandonedRatio == null ? named : named.toBuilder().abandonedRatio(abandonedRatio).build();
  }

  /** The command-line arguments that select these settings. */
  public java.util.List<String> arguments() {
    java.util.List<String> arguments = new java.util.ArrayList<>(java.util.List.of("--scenario", scenario, "--seed",
        Long.toString(seed), "--time-scale", Double.toString(timeScale), "--ktrdr-defects", ktrdrDefects.label(),
        "--topology", topology));
    if (abandonedRatio != null) {
      arguments.addAll(java.util.List.of("--abandoned-ratio", Double.toString(abandonedRatio)));
    }
    return java.util.List.copyOf(arguments);
  }
}
