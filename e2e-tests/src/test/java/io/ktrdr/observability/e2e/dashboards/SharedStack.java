package io.ktrdr.observability.e2e.dashboards;

import io.ktrdr.observability.e2e.harness.ProjectFiles;
import io.ktrdr.observability.e2e.harness.SimulatorRun;
import io.ktrdr.observability.e2e.harness.SimulatorSettings;
import io.ktrdr.observability.e2e.harness.StackHandle;
import io.ktrdr.observability.e2e.harness.StackModes;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One stack for every end-to-end test class of the run, started by the first class that asks and
 * stopped when the run ends; on stop it checks that nothing it started is left running, and prints
 * the run's figures.
 *
 * <p>The classes read one steady workload ({@link #steady}) in this order: first those that only
 * need data to accumulate (rules, a live picture, the panel values, the front-end judge's steady
 * checks), while {@link PanelPopulation} watches every panel fill from the simulator's start; then
 * the panel population itself; then the classes that stop a server or run a fault scenario, which
 * the classes before would not survive.
 */
final class SharedStack extends StackExtension {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedStack.class);

  /**
   * The steady workload's model seconds per wall second: {@value} (three hours of KTRDR a minute).
   * The panel values compare at least twenty ended operations, which takes 37 model minutes with
   * seed 1: 12 s at this scale; their tolerances follow the rates of the run.
   */
  static final double STEADY_TIME_SCALE = 180;

  /**
   * The steady workload the classes on this stack read: today's KTRDR with half its clients
   * abandoning their worker-run operations (KTRDR's own share is 1 in 8), so that the orphan
   * detector's spurious failures, which the panels must not show and the panel values need three of,
   * come within seconds; the workload itself is KTRDR's everyday mix, operation for operation.
   */
  static final SimulatorSettings STEADY =
      new SimulatorSettings("steady", 1, STEADY_TIME_SCALE).abandoning(0.5);

  private static PanelPopulation population;

  /** Set once this stack begins to start; counted down once it and its steady simulator run (or failed to). */
  private static volatile boolean starting;
  private static final CountDownLatch STARTED = new CountDownLatch(1);

  /**
   * For a stack of another class's own (OwnStack), at the start of the run: waits, a little, for
   * this stack to begin, and if it does, until it and its steady simulator run. The classes on this
   * stack run one after another and make the run's longest path; the stacks beside them start as
   * soon as their classes do, all at once on 2 cores, which took this one from 2 s to 6 s.
   */
  static void letItStartFirst(String testClass) {
    long began = System.nanoTime();
    try {
      long deadline = began + BEGIN_WAIT.toNanos();
      while (!starting && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      if (starting) {
        // Bounded: a stack still starting after that is no reason to hold the others longer.
        STARTED.await(START_WAIT.toSeconds(), TimeUnit.SECONDS);
        RunFigures.record("stack start for " + testClass + " waited for the shared stack's", Duration.ofNanos(System.nanoTime() - began));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** How long a stack beside waits for this one to begin: the run's first class here begins at once. */
  private static final Duration BEGIN_WAIT = Duration.ofMillis(300);

  /** How long a stack beside waits for this one and its simulator at most. */
  private static final Duration START_WAIT = Duration.ofSeconds(30);

  @Override
  StackHandle stack(ExtensionContext context) {
    starting = true;
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(Resource.class, key -> new Resource(), Resource.class).stack;
  }

  /** The simulator with {@code settings}: the running one if it has them, else a new one. */
  static SimulatorRun simulator(StackHandle stack, SimulatorSettings settings) {
    return stack.simulator()
        .filter(run -> run.isRunning() && run.settings().equals(settings))
        .orElseGet(() -> stack.startSimulator(settings));
  }

  /**
   * The steady workload, started if another (or none) runs; the first one started also starts
   * watching the panels fill ({@link #population}).
   */
  static synchronized SimulatorRun steady(StackHandle stack) {
    long started = System.nanoTime();
    SimulatorRun run = simulator(stack, STEADY);
    if (population == null) {
      RunFigures.record("first steady simulator start (until it serves metrics)", Duration.ofNanos(System.nanoTime() - started));
      population = PanelPopulation.start(stack, run, EveryPanelChecks.DEADLINE);
    }
    return run;
  }

  /** The watch of the panels filling since the steady simulator running now started (begun now if it was not watched). */
  static synchronized PanelPopulation population(StackHandle stack) {
    SimulatorRun run = steady(stack);
    if (population.simulator() != run) {
      population.stop();
      population = PanelPopulation.start(stack, run, EveryPanelChecks.DEADLINE);
    }
    return population;
  }

  private static synchronized void stopWatching() {
    if (population != null) {
      population.stop();
      population = null;
    }
  }

  /** Closes the stack at the end of the run and fails it if anything is left running. */
  private static final class Resource implements AutoCloseable {
    final StackHandle stack;

    Resource() {
      try {
        Path root = ProjectFiles.root();
        stack = StackModes.start(root, root.resolve("e2e-tests/target"));
        RunFigures.record("stack start (" + stack.mode() + ")", stack.startupTime());
        try {
          // With the stack: every class here reads it, and the panels fill from its start on.
          steady(stack);
        } catch (RuntimeException e) {
          stopWatching();
          stack.close();
          throw e;
        }
      } finally {
        STARTED.countDown();
      }
    }

    @Override
    public void close() {
      RunFigures.record("whole end-to-end run (JVM uptime at stack stop)",
          Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime()));
      RunFigures.print();
      stopWatching();
      closeAndCheckNothingLeft(stack);
    }
  }
}
