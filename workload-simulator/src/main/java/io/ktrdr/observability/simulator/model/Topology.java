package io.ktrdr.observability.simulator.model;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The worker targets of a KTRDR deployment: which workers Prometheus is told about, on which port,
 * which of them run, and which stops for good during the run.
 *
 * <p>{@link #local()} is KTRDR's local development setup (four workers, all running). {@link
 * #homelab()} is its homelab (contract, "KTRDR's other topologies"): two worker hosts with a port for
 * up to three workers of each type (5003, 5004, 5007 backtesting; 5005, 5006, 5008 training) and a
 * GPU training worker on a host of its own, 13 targets of which 6 workers run and one of them stops
 * at model minute 10, so that 5 answer afterwards; the names are those of {@code
 * environments/homelab.yaml}. One simulator plays every host on one machine,
 * so each host's ports are shifted by {@value #HOST_PORT_SHIFT} per host.
 */
public record Topology(String name, List<WorkerTarget> workers) {

  /** Ports of the second worker host and of the GPU host are shifted by this much on one machine. */
  public static final int HOST_PORT_SHIFT = 1000;

  /** Names of the built-in topologies, as {@link #named(String)} accepts them. */
  public static final List<String> BUILT_IN = List.of("local", "homelab");

  /** When the homelab's stopping worker stops (model time from the start of the run). */
  public static final Duration HOMELAB_STOP = Duration.ofMinutes(10);

  /** How a worker target fares in the run. */
  public enum State {
    /** Started with the run and answers (outages of the scenario aside). */
    RUNNING("running"),
    /** Configured (Prometheus scrapes its port) but never started: a DOWN target by design. */
    NEVER_STARTED("never_started"),
    /** Started with the run and stopped for good at {@link WorkerTarget#stopsAt()}. */
    STOPS("stops");

    private final String label;

    State(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * One worker target: its name (also its host name and {@code instance} in the local setup), type,
   * host (a label for the ground truth), port, and whether and how long it runs.
   */
  public record WorkerTarget(String name, WorkerType type, String host, int port, boolean started, Duration stopsAt) {
    public WorkerTarget {
      requireNonNull(name, "name");
      requireNonNull(type, "type");
      requireNonNull(host, "host");
      if (name.isBlank()) {
        throw new IllegalArgumentException("worker name must not be blank");
      }
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port of " + name + " must be between 0 and 65535: " + port);
      }
      if (stopsAt != null && (!started || stopsAt.isNegative() || stopsAt.isZero())) {
        throw new IllegalArgumentException("worker " + name + " can stop only if started, after a positive time: " + stopsAt);
      }
    }

    /** A worker that runs throughout. */
    public static WorkerTarget running(String name, WorkerType type, String host, int port) {
      return new WorkerTarget(name, type, host, port, true, null);
    }

    public State state() {
      return !started ? State.NEVER_STARTED : stopsAt == null ? State.RUNNING : State.STOPS;
    }

    public Optional<Duration> stopTime() {
      return Optional.ofNullable(stopsAt);
    }

    public WorkerTarget withPort(int newPort) {
      return new WorkerTarget(name, type, host, newPort, started, stopsAt);
    }
  }

  public Topology {
    requireNonNull(name, "name");
    workers = List.copyOf(requireNonNull(workers, "workers"));
    Set<String> names = new HashSet<>();
    for (WorkerTarget worker : workers) {
      if (!names.add(worker.name())) {
        throw new IllegalArgumentException("duplicate worker name: " + worker.name());
      }
    }
    if (workers.stream().noneMatch(WorkerTarget::started)) {
      throw new IllegalArgumentException("topology " + name + " starts no worker");
    }
  }

  /** A built-in topology by name, one of {@link #BUILT_IN}. */
  public static Topology named(String name) {
    requireNonNull(name, "name");
    switch (name) {
      case "local":
        return local();
      case "homelab":
        return homelab();
      default:
        throw new IllegalArgumentException("unknown topology: " + name + " (built in: " + String.join(", ", BUILT_IN) + ")");
    }
  }

  /** KTRDR's local development setup: four workers on 5003 to 5006, all running. */
  public static Topology local() {
    return new Topology("local", List.of(
        WorkerTarget.running("backtest-worker-1", WorkerType.BACKTESTING, "backtest-worker-1", 5003),
        WorkerTarget.running("backtest-worker-2", WorkerType.BACKTESTING, "backtest-worker-2", 5004),
        WorkerTarget.running("training-worker-1", WorkerType.TRAINING, "training-worker-1", 5005),
        WorkerTarget.running("training-worker-2", WorkerType.TRAINING, "training-worker-2", 5006)));
  }

  /**
   * KTRDR's homelab, named as {@code environments/homelab.yaml} names its targets ({@code
   * <type>-<host>-<port>}): hosts {@code b} and {@code c} with ports for three workers of each type,
   * and a GPU training worker. Running: the first worker of each type on each host and the GPU
   * worker (the targets the environment requires), and one optional one, {@code backtest-b-5004},
   * which stops at {@link #HOMELAB_STOP}; the other seven optional targets are never started.
   */
  public static Topology homelab() {
    List<WorkerTarget> workers = new ArrayList<>();
    int[] backtestPorts = {5003, 5004, 5007};
    int[] trainingPorts = {5005, 5006, 5008};
    String[] hosts = {"b", "c"};
    for (int h = 0; h < hosts.length; h++) {
      String host = "ktrdr-workers-" + hosts[h];
      int shift = h * HOST_PORT_SHIFT;
      for (int i = 0; i < 3; i++) {
        boolean stopping = h == 0 && i == 1;
        workers.add(new WorkerTarget("backtest-" + hosts[h] + "-" + backtestPorts[i], WorkerType.BACKTESTING, host,
            backtestPorts[i] + shift, i == 0 || stopping, stopping ? HOMELAB_STOP : null));
      }
      for (int i = 0; i < 3; i++) {
        workers.add(new WorkerTarget("training-" + hosts[h] + "-" + trainingPorts[i], WorkerType.TRAINING, host,
            trainingPorts[i] + shift, i == 0, null));
      }
    }
    workers.add(WorkerTarget.running("training-gpu-5005", WorkerType.TRAINING, "ktrdr-gpu", 5005 + 2 * HOST_PORT_SHIFT));
    return new Topology("homelab", workers);
  }

  /** The workers that start with the run. */
  public List<WorkerTarget> started() {
    return workers.stream().filter(WorkerTarget::started).toList();
  }

  public Optional<WorkerTarget> worker(String name) {
    return workers.stream().filter(w -> w.name().equals(name)).findFirst();
  }
}
