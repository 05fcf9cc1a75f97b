package io.ktrdr.observability.e2e.harness;

import io.ktrdr.observability.e2e.stack.Component;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A running observability stack and the simulated KTRDR feeding it, whichever way it runs (local
 * processes or Docker Compose): the addresses a test talks to, the simulator's ground truth, and the
 * faults a test may cause.
 */
public interface StackHandle extends AutoCloseable {
  /** {@code native} or {@code compose}. */
  String mode();

  /** Grafana's base URL, where this stack has a Grafana. */
  Optional<URI> grafanaUri();

  URI prometheusUri();

  /** Jaeger's query API: {@code /api/services}, {@code /api/traces}. */
  URI jaegerQueryUri();

  /** Where spans go over OTLP/gRPC. */
  URI otlpGrpcEndpoint();

  /** Prometheus' scrape interval, which is also its Grafana datasource's {@code timeInterval}. */
  Duration scrapeInterval();

  /** The dashboards directory this stack's Grafana provisions from (a generated copy, never the project's). */
  java.nio.file.Path provisionedDashboardsDirectory();

  /** From the start of the stack's installation to every server being healthy. */
  Duration startupTime();

  /** Starts the simulator with {@code settings}, stopping the one running, and waits until it serves metrics. */
  SimulatorRun startSimulator(SimulatorSettings settings);

  /** The simulator running now. */
  Optional<SimulatorRun> simulator();

  /** Stops one server (a fault); its data stays. */
  void stop(Component component);

  /** Starts a stopped server again on the same address and waits until it is healthy. */
  void start(Component component);

  /** Whether one server is running. */
  boolean isRunning(Component component);

  /**
   * What of this stack is still running: empty once it is closed. Entries name a process id or
   * container and what it was.
   */
  List<String> leftRunning();

  /** Stops the simulator and every server. */
  @Override
  void close();
}
