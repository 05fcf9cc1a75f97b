package io.ktrdr.observability.e2e.dashboards;

import io.ktrdr.observability.e2e.harness.ProjectFiles;
import io.ktrdr.observability.e2e.harness.SimulatorRun;
import io.ktrdr.observability.e2e.harness.SimulatorSettings;
import io.ktrdr.observability.e2e.harness.StackHandle;
import io.ktrdr.observability.e2e.harness.StackModes;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One stack for every end-to-end test class of the run, started by the first class that asks and
 * stopped when the run ends; on stop it checks that nothing it started is left running, and prints
 * the run's figures.
 */
final class SharedStack extends StackExtension {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedStack.class);

  @Override
  StackHandle stack(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(Resource.class, key -> new Resource(), Resource.class).stack;
  }

  /** The simulator with {@code settings}: the running one if it has them, else a new one. */
  static SimulatorRun simulator(StackHandle stack, SimulatorSettings settings) {
    return stack.simulator()
        .filter(run -> run.isRunning() && run.settings().equals(settings))
        .orElseGet(() -> stack.startSimulator(settings));
  }

  /** Closes the stack at the end of the run and fails it if anything is left running. */
  private static final class Resource implements AutoCloseable {
    final StackHandle stack;

    Resource() {
      Path root = ProjectFiles.root();
      stack = StackModes.start(root, root.resolve("e2e-tests/target"));
      RunFigures.record("stack start (" + stack.mode() + ")", stack.startupTime());
    }

    @Override
    public void close() {
      RunFigures.record("whole end-to-end run (JVM uptime at stack stop)",
          Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime()));
      RunFigures.print();
      closeAndCheckNothingLeft(stack);
    }
  }
}
