package io.ktrdr.observability.e2e.dashboards;

import io.ktrdr.observability.e2e.harness.SimulatorSettings;
import io.ktrdr.observability.e2e.harness.StackHandle;
import io.ktrdr.observability.simulator.model.KtrdrDefects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The operation panels against the ground truth with the simulator playing KTRDR once its
 * telemetry defects are fixed (no spurious orphan failures, no gauge below zero): the dashboards
 * must stay right when KTRDR is fixed. On a stack of its own, beside the shared-stack classes,
 * whose {@link PanelValuesIT} holds the same panels to today's KTRDR. Its simulator runs at {@link
 * SimulatorSettings#FAST_TIME_SCALE}: the checks wait for operations to end.
 */
@Order(2)
@ExtendWith(OwnStack.class)
@Execution(ExecutionMode.CONCURRENT)
class FixedKtrdrPanelValuesIT {
  private static OperationPanelValues operations;

  @BeforeAll
  static void steadyWorkloadOfAFixedKtrdr(StackHandle stack) {
    operations = new OperationPanelValues(stack,
        stack.startSimulator(SimulatorSettings.scenario("steady").with(KtrdrDefects.FIXED)
            .atTimeScale(SimulatorSettings.FAST_TIME_SCALE)));
    // Once, before the checks run side by side: each waiting for it would hold a thread of the run.
    operations.awaitSomeOperationsEnded();
  }

  @Test
  void operationsByTypeMatchTheSimulatorsGroundTruth() {
    operations.operationsByTypeMatchTheGroundTruth();
  }

  @Test
  void operationsByWorkerTypeAndStatusMatchTheSimulatorsGroundTruth() {
    operations.operationsByWorkerTypeAndStatusMatchTheGroundTruth();
  }

  @Test
  void theDurationDistributionCountsEachOperationOnce() {
    operations.theDurationDistributionCountsEachOperationOnce();
  }

  @Test
  void activeOperationsIsTheNumberReallyRunning() {
    operations.activeOperationsIsTheNumberReallyRunning();
  }
}
