package io.ktrdr.observability.e2e.harness;

import io.ktrdr.observability.simulator.GroundTruth;
import java.time.Instant;
import java.util.function.Supplier;

/** A simulator a stack started: its ground truth from wherever that stack reads it. */
final class StartedSimulator implements SimulatorRun {
  private final SimulatorSettings settings;
  private final Instant startedAt;
  private final Supplier<GroundTruth> groundTruth;
  private final Runnable stop;
  private volatile boolean running = true;

  StartedSimulator(SimulatorSettings settings, Instant startedAt, Supplier<GroundTruth> groundTruth, Runnable stop) {
    this.settings = settings;
    this.startedAt = startedAt;
    this.groundTruth = groundTruth;
    this.stop = stop;
  }

  @Override
  public SimulatorSettings settings() {
    return settings;
  }

  @Override
  public Instant startedAt() {
    return startedAt;
  }

  @Override
  public GroundTruth groundTruth() {
    return groundTruth.get();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  void stop() {
    running = false;
    stop.run();
  }
}
