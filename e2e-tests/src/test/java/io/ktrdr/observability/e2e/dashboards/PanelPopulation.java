package io.ktrdr.observability.e2e.dashboards;

import io.ktrdr.observability.e2e.harness.SimulatorRun;
import io.ktrdr.observability.e2e.harness.StackHandle;
import io.ktrdr.observability.e2e.panels.DirectQueryPath;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Watches every panel target at the dashboards' defaults fill from a fresh simulator's start, in a
 * thread of its own, as {@link Panels#awaitAllPopulated} would in the test's: the classes that only
 * need data run meanwhile instead of waiting behind it. Most of that wait is for the first step
 * boundary of the six-hour panels (a 30 s step) after their first rate, which no test can shorten.
 */
final class PanelPopulation {
  private final SimulatorRun simulator;
  private final Panels panels;
  private final Instant deadline;
  private final Map<String, Instant> populatedAt = new LinkedHashMap<>();
  private final Map<String, String> stillEmpty = new LinkedHashMap<>();
  private final Thread thread;
  private volatile boolean stopped;
  private RuntimeException failure;

  private PanelPopulation(StackHandle stack, SimulatorRun simulator, Duration deadline) {
    this.simulator = simulator;
    this.panels = new Panels(stack, DirectQueryPath.of(stack.prometheusUri(), stack.jaegerQueryUri()));
    this.deadline = simulator.startedAt().plus(deadline);
    this.thread = new Thread(this::watch, "panel-population");
    thread.setDaemon(true);
  }

  /** Starts watching the targets' population since {@code simulator} started, until all have data or {@code deadline} after its start. */
  static PanelPopulation start(StackHandle stack, SimulatorRun simulator, Duration deadline) {
    PanelPopulation population = new PanelPopulation(stack, simulator, deadline);
    population.thread.start();
    return population;
  }

  SimulatorRun simulator() {
    return simulator;
  }

  private void watch() {
    try {
      while (!stopped) {
        synchronized (this) {
          panels.populationRound(panels::defaults, populatedAt, stillEmpty);
          if (stillEmpty.isEmpty() || !Instant.now().isBefore(deadline)) {
            return;
          }
        }
        Thread.sleep(Panels.POPULATION_POLL.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      synchronized (this) {
        failure = e;
      }
    }
  }

  /**
   * Waits for the watch to end and fails, as {@link Panels#awaitAllPopulated} does, naming each
   * target still without data at the deadline.
   *
   * @return when each target first returned data
   */
  Map<String, Instant> await() {
    try {
      thread.join(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()) + 30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the panels to fill", e);
    }
    synchronized (this) {
      if (failure != null) {
        throw failure;
      }
      if (thread.isAlive()) {
        throw new IllegalStateException("the panel population watch did not end 30 s after its deadline " + deadline);
      }
      panels.assertAllPopulated(stillEmpty);
      return Map.copyOf(populatedAt);
    }
  }

  /** Ends the watch (the stack is stopping). */
  void stop() {
    stopped = true;
    thread.interrupt();
  }
}
