package io.ktrdr.observability.provisioning.environment;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One KTRDR process Prometheus scrapes: the backend or a worker.
 *
 * @param name the {@code service} target label, e.g. {@code backtest-worker-1}
 * @param type backend or worker: the scrape job and the {@code service_type} label
 * @param workerType present exactly for workers: the {@code worker_type} label
 * @param host where Prometheus reaches the service
 * @param port where Prometheus reaches the service
 * @param metricsPath the path of the metrics endpoint, e.g. {@code /metrics/} on the backend
 * @param optional workers only: the target may have no worker running (KTRDR's homelab scrapes
 *     every port a worker could use), so a target that was never up is not a failure; one that was
 *     up and stopped still is. Becomes the {@code optional="true"} target label.
 */
public record Service(
    String name, ServiceType type, Optional<WorkerType> workerType, String host, int port, String metricsPath,
    boolean optional) {

  /** A service that must run (not {@linkplain #optional optional}). */
  public Service(
      String name, ServiceType type, Optional<WorkerType> workerType, String host, int port, String metricsPath) {
    this(name, type, workerType, host, port, metricsPath, false);
  }

  public Service {
    requireNonNull(name, "name");
    requireNonNull(type, "type");
    requireNonNull(workerType, "workerType");
    requireNonNull(host, "host");
    requireNonNull(metricsPath, "metricsPath");
    Checks.require("name", Checks.name(name));
    Checks.require("host", Checks.host(host));
    Checks.require("port", Checks.port(port));
    Checks.require("metricsPath", Checks.metricsPath(metricsPath));
    Checks.require("workerType", workerTypeProblem(type, workerType));
    Checks.require("optional", optionalProblem(type, optional));
  }

  static Optional<String> optionalProblem(ServiceType type, boolean optional) {
    if (optional && type != ServiceType.WORKER) {
      return Optional.of("only a worker target can be optional; the " + type.label() + " must run");
    }
    return Optional.empty();
  }

  static Optional<String> workerTypeProblem(ServiceType type, Optional<WorkerType> workerType) {
    if (type == ServiceType.WORKER && workerType.isEmpty()) {
      return Optional.of("required for a worker; expected one of backtesting, training");
    }
    if (type != ServiceType.WORKER && workerType.isPresent()) {
      return Optional.of("only a worker has a worker type, got " + Checks.quote(workerType.get().label()));
    }
    return Optional.empty();
  }

  /** {@code host:port}, as Prometheus writes the target. */
  public String target() {
    return host + ":" + port;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().name(name).type(type).workerType(workerType.orElse(null)).host(host).port(port)
        .metricsPath(metricsPath).optional(optional);
  }

  /**
   * Builds a {@link Service}; every field but {@code workerType} (workers only) and {@code optional}
   * (false unless set) is required.
   */
  public static final class Builder {
    private String name;
    private ServiceType type;
    private WorkerType workerType;
    private String host;
    private int port;
    private String metricsPath;
    private boolean optional;

    private Builder() {}

    public Builder name(String name) {
      this.name = requireNonNull(name, "name");
      return this;
    }

    public Builder type(ServiceType type) {
      this.type = requireNonNull(type, "type");
      return this;
    }

    /** The worker type, or null for the backend. */
    public Builder workerType(WorkerType workerType) {
      this.workerType = workerType;
      return this;
    }

    public Builder host(String host) {
      this.host = requireNonNull(host, "host");
      return this;
    }

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder metricsPath(String metricsPath) {
      this.metricsPath = requireNonNull(metricsPath, "metricsPath");
      return this;
    }

    /** Whether the worker target may have no worker running. */
    public Builder optional(boolean optional) {
      this.optional = optional;
      return this;
    }

    public Service build() {
      return new Service(name, type, Optional.ofNullable(workerType), host, port, metricsPath, optional);
    }
  }
}
