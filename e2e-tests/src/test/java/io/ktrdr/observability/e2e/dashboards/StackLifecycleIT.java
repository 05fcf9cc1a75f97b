package io.ktrdr.observability.e2e.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import io.ktrdr.observability.e2e.harness.ProjectFiles;
import io.ktrdr.observability.e2e.harness.SimulatorSettings;
import io.ktrdr.observability.e2e.harness.StackHandle;
import io.ktrdr.observability.e2e.harness.StackModes;
import io.ktrdr.observability.e2e.stack.Component;
import java.nio.file.Path;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Closing a stack leaves nothing it started running: no server process (also none restarted on the
 * way), no listener on its ports, no simulator. The shared stack is checked the same way when the
 * run ends.
 */
@Execution(ExecutionMode.CONCURRENT)
@Order(20)
class StackLifecycleIT {
  @Test
  void closingTheStackLeavesNothingRunning() {
    Path root = ProjectFiles.root();
    StackHandle stack = StackModes.start(root, root.resolve("e2e-tests/target"));
    try {
      stack.startSimulator(SimulatorSettings.scenario("steady"));
      stack.stop(Component.PROMETHEUS);
      stack.start(Component.PROMETHEUS);

      assertThat(stack.leftRunning()).as("what runs while the stack is up").isNotEmpty();
    } finally {
      stack.close();
    }

    assertThat(stack.leftRunning()).as("what of %s still runs after close", stack).isEmpty();
    assertThat(stack.simulator()).as("the simulator after close").isEmpty();
  }
}
