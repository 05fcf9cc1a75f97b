package io.ktrdr.observability.provisioning.internal;

import io.ktrdr.observability.provisioning.environment.Environment;
import java.util.List;

/** The workload simulator's command-line options for an environment (see workload-simulator/README.md). */
final class SimulatorArguments {
  private SimulatorArguments() {}

  static List<Object> forEnvironment(Environment environment) {
    return List.of();
  }
}
