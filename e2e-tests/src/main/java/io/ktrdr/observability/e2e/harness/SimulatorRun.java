package io.ktrdr.observability.e2e.harness;

import io.ktrdr.observability.simulator.GroundTruth;
import java.time.Instant;

/** A running simulator: when it started, with what, and what it has done so far. */
public interface SimulatorRun {
  SimulatorSettings settings();

  /** When it began serving metrics (wall clock). */
  Instant startedAt();

  /** What it did until now: operations by type and status, workers, outages, spans. */
  GroundTruth groundTruth();

  /** Whether it is still running. */
  boolean isRunning();
}
