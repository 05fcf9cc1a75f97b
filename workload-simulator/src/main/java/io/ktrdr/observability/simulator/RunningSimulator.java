package io.ktrdr.observability.simulator;

import io.ktrdr.observability.simulator.live.LiveSimulation;
import java.net.URI;
import java.util.Map;

/** A started simulator: its bound ports, its ground truth, and {@link #close()} to stop it. */
public final class RunningSimulator implements AutoCloseable {

  private final LiveSimulation live;

  RunningSimulator(LiveSimulation live) {
    this.live = live;
  }

  public int backendPort() {
    return live.backendPort();
  }

  /** Bound port of each worker, by worker name, in order. */
  public Map<String, Integer> workerPorts() {
    return live.workerPorts();
  }

  public int workerPort(String worker) {
    Integer port = live.workerPorts().get(worker);
    if (port == null) {
      throw new IllegalArgumentException("unknown worker: " + worker + " (workers: " + live.workerPorts().keySet() + ")");
    }
    return port;
  }

  public int controlPort() {
    return live.controlPort();
  }

  /** {@code http://127.0.0.1:<backend port>/metrics/}. */
  public URI backendMetricsUri() {
    return URI.create("http://127.0.0.1:" + backendPort() + "/metrics/");
  }

  /** {@code http://127.0.0.1:<worker port>/metrics}. */
  public URI workerMetricsUri(String worker) {
    return URI.create("http://127.0.0.1:" + workerPort(worker) + "/metrics");
  }

  /** {@code http://127.0.0.1:<control port>/ground-truth}. */
  public URI groundTruthUri() {
    return URI.create("http://127.0.0.1:" + controlPort() + "/ground-truth");
  }

  public GroundTruth groundTruth() {
    return live.groundTruth();
  }

  /** The one-line status the command line prints. */
  public String statusLine() {
    return live.statusLine();
  }

  /** Stops within a few seconds: ends open spans, flushes them, frees every port. */
  @Override
  public void close() {
    live.close();
  }
}
