package io.ktrdr.observability.provisioning.internal;

import io.ktrdr.observability.provisioning.GenerationException;
import io.ktrdr.observability.provisioning.environment.Environment;
import io.ktrdr.observability.provisioning.environment.Service;
import io.ktrdr.observability.provisioning.environment.ServiceType;
import io.ktrdr.observability.provisioning.environment.WorkerType;
import java.util.ArrayList;
import java.util.List;

/**
 * The workload simulator's command-line options that make it listen where the environment's
 * services are: its backend port and one {@code --worker-port NAME=PORT} per worker. Spans go to
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT}, set in the compose file.
 */
final class SimulatorArguments {
  /** The simulator takes a worker whose name starts with this for a training worker. */
  private static final String TRAINING_PREFIX = "training";

  private SimulatorArguments() {}

  static List<Object> forEnvironment(Environment environment) {
    List<Service> backends = environment.services(ServiceType.BACKEND);
    if (backends.size() != 1) {
      throw new GenerationException("compose.simulator: the simulator plays exactly one backend, environment "
          + environment.name() + " has " + backends.size());
    }
    List<Object> arguments = new ArrayList<>(List.of(
        "--host", "0.0.0.0",
        "--backend-port", String.valueOf(backends.get(0).port())));
    for (Service worker : environment.services(ServiceType.WORKER)) {
      boolean training = worker.workerType().orElseThrow() == WorkerType.TRAINING;
      if (training != worker.name().startsWith(TRAINING_PREFIX)) {
        throw new GenerationException("compose.simulator: the simulator takes workers named " + TRAINING_PREFIX
            + "* for training workers and others for backtesting workers; " + worker.name() + " is a "
            + worker.workerType().orElseThrow().label() + " worker");
      }
      arguments.add("--worker-port");
      arguments.add(worker.name() + "=" + worker.port());
    }
    return arguments;
  }
}
