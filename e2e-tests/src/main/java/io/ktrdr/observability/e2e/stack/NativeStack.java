package io.ktrdr.observability.e2e.stack;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Grafana, Prometheus and Jaeger running as local processes on loopback, built from their Go
 * modules by {@code native-stack/install.sh} (run on start; a no-op when all are cached).
 *
 * <pre>{@code
 * try (NativeStack stack = NativeStack.builder().configuration(config).start()) {
 *   URI grafana = stack.grafanaUri();
 * }
 * }</pre>
 *
 * <p>Each run has its own directory (default {@code target/native-stack/<time>}) holding the
 * generated configuration, each server's data and each server's log. Everything started is stopped
 * on {@link #close()}, and by a shutdown hook if the JVM exits first.
 */
public final class NativeStack implements AutoCloseable {
  /** How long each server may take to answer its health endpoint: {@value #DEFAULT_TIMEOUT_SECONDS} s. */
  public static final long DEFAULT_TIMEOUT_SECONDS = 60;

  private final StackAddresses addresses;
  private final Path runDirectory;
  private final Map<Component, ManagedProcess> processes;
  private final Duration startupTime;
  private final Thread shutdownHook;

  private NativeStack(
      StackAddresses addresses,
      Path runDirectory,
      Map<Component, ManagedProcess> processes,
      Duration startupTime,
      Thread shutdownHook) {
    this.addresses = addresses;
    this.runDirectory = runDirectory;
    this.processes = processes;
    this.startupTime = startupTime;
    this.shutdownHook = shutdownHook;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Grafana's base URL, e.g. {@code http://127.0.0.1:PORT}. */
  public URI grafanaUri() {
    requireRunning(Component.GRAFANA);
    return addresses.grafanaUri();
  }

  /** Prometheus' base URL; its query API is under {@code /api/v1/}. */
  public URI prometheusUri() {
    requireRunning(Component.PROMETHEUS);
    return addresses.prometheusUri();
  }

  /** Jaeger's query API base URL; {@code /api/services} and {@code /api/traces} live here. */
  public URI jaegerQueryUri() {
    requireRunning(Component.JAEGER);
    return addresses.jaegerQueryUri();
  }

  /** Where services send spans over OTLP/gRPC (the compose setup's {@code jaeger:4317}). */
  public URI otlpGrpcEndpoint() {
    requireRunning(Component.JAEGER);
    return addresses.otlpGrpcEndpoint();
  }

  /** Where services send spans over OTLP/HTTP (the compose setup's {@code jaeger:4318}). */
  public URI otlpHttpEndpoint() {
    requireRunning(Component.JAEGER);
    return addresses.otlpHttpEndpoint();
  }

  /** Basic-auth user and password of Grafana's admin. */
  public static String grafanaAdminUser() {
    return GrafanaServer.ADMIN_USER;
  }

  public static String grafanaAdminPassword() {
    return GrafanaServer.ADMIN_PASSWORD;
  }

  public StackAddresses addresses() {
    return addresses;
  }

  /** The directory of this run: generated configuration, data and logs. */
  public Path runDirectory() {
    return runDirectory;
  }

  /** The log of one server in this run. */
  public Path logFile(Component component) {
    return process(component).logFile();
  }

  /** The process id of one server, e.g. to measure its memory. */
  public long pid(Component component) {
    return process(component).pid();
  }

  public Set<Component> components() {
    return Collections.unmodifiableSet(processes.keySet());
  }

  /** From the start of installation to every server answering its health endpoint. */
  public Duration startupTime() {
    return startupTime;
  }

  private ManagedProcess process(Component component) {
    ManagedProcess process = processes.get(component);
    if (process == null) {
      throw new IllegalStateException(
          component.installName() + " is not part of this stack; it runs " + processes.keySet());
    }
    return process;
  }

  private void requireRunning(Component component) {
    if (!process(component).isAlive()) {
      throw new IllegalStateException(
          component.installName()
              + " is no longer running\n--- last lines of "
              + logFile(component)
              + " ---\n"
              + LogFiles.tail(logFile(component), 40));
    }
  }

  /** Stops every server: gracefully first, forcibly after 10 s. */
  @Override
  public void close() {
    stopAll(processes);
    removeShutdownHook(shutdownHook);
  }

  /** Stops servers in the reverse order of their start. */
  private static void stopAll(Map<Component, ManagedProcess> started) {
    List<ManagedProcess> reversed;
    synchronized (started) {
      reversed = new ArrayList<>(started.values());
    }
    Collections.reverse(reversed);
    reversed.forEach(ManagedProcess::close);
  }

  private static void removeShutdownHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // The hook is running or has run: nothing left to unregister.
    }
  }

  @Override
  public String toString() {
    return "NativeStack{" + processes.values() + ", run " + runDirectory + "}";
  }

  /** Configures and starts a {@link NativeStack}. */
  public static final class Builder {
    private StackConfiguration configuration;
    private Set<Component> components = EnumSet.allOf(Component.class);
    private Path runDirectory;
    private Duration timeout = Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS);
    private Path projectDirectory = Path.of("");
    private boolean usualPorts;
    private Path prometheusHistory;

    private Builder() {}

    /** Writes the Prometheus configuration and Grafana provisioning for this stack. Required. */
    public Builder configuration(StackConfiguration configuration) {
      this.configuration = requireNonNull(configuration, "configuration");
      return this;
    }

    /** Which servers to run; all three by default. */
    public Builder components(Set<Component> components) {
      requireNonNull(components, "components");
      if (components.isEmpty()) {
        throw new IllegalArgumentException("components is empty");
      }
      this.components = EnumSet.copyOf(components);
      return this;
    }

    /** The directory of this run; by default a new one under {@code target/native-stack/}. */
    public Builder runDirectory(Path runDirectory) {
      this.runDirectory = requireNonNull(runDirectory, "runDirectory");
      return this;
    }

    /**
     * How long each server may take to become healthy; {@value #DEFAULT_TIMEOUT_SECONDS} s by
     * default. Installation (a build, if a server is missing) is not counted.
     */
    public Builder startupTimeout(Duration timeout) {
      requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive: " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Listens on the compose setup's ports (Grafana 3000, Prometheus 9090, Jaeger 16686, OTLP 4317
     * and 4318) instead of free ones: for a stack a person uses. Starting fails if one is taken.
     */
    public Builder usualPorts() {
      this.usualPorts = true;
      return this;
    }

    /**
     * Samples in the OpenMetrics text format (ending in {@code # EOF}, timestamps in seconds) that
     * Prometheus holds from its start, as if it had scraped them: e.g. days of history. They are
     * turned into blocks with {@code promtool} before Prometheus starts; samples older than the
     * retention (7 days) are dropped.
     */
    public Builder prometheusHistory(Path openMetricsFile) {
      requireNonNull(openMetricsFile, "openMetricsFile");
      if (!Files.isRegularFile(openMetricsFile)) {
        throw new IllegalArgumentException("openMetricsFile is not a file: " + openMetricsFile);
      }
      this.prometheusHistory = openMetricsFile;
      return this;
    }

    /** A directory at or below the project root, where {@code native-stack/} is found; the working directory by default. */
    public Builder projectDirectory(Path projectDirectory) {
      this.projectDirectory = requireNonNull(projectDirectory, "projectDirectory");
      return this;
    }

    /**
     * Installs what is missing, writes the configuration, starts the servers and waits until each
     * answers its health endpoint.
     *
     * @throws IllegalStateException if a server cannot be installed or does not become healthy in
     *     time; the message carries the tail of its log, and every server started is stopped
     */
    public NativeStack start() {
      if (configuration == null) {
        throw new IllegalStateException("configuration is required");
      }
      long startedAt = System.nanoTime();
      Map<Component, Path> homes = NativeInstall.findFrom(projectDirectory).install(components);
      Path run = runDirectory != null ? runDirectory : defaultRunDirectory();
      StackAddresses addresses = usualPorts ? StackAddresses.usualPorts() : StackAddresses.onFreePorts();
      GeneratedConfiguration generated = writeConfiguration(run, addresses);
      if (prometheusHistory != null) {
        if (!components.contains(Component.PROMETHEUS)) {
          throw new IllegalStateException("prometheusHistory needs prometheus among the components");
        }
        PrometheusServer.backfill(homes.get(Component.PROMETHEUS), prometheusHistory, run);
      }

      // The hook covers the JVM exiting while the servers start, as well as a stack never closed.
      Map<Component, ManagedProcess> started =
          Collections.synchronizedMap(new EnumMap<>(Component.class));
      Thread shutdownHook = new Thread(() -> stopAll(started), "native-stack-shutdown");
      Runtime.getRuntime().addShutdownHook(shutdownHook);
      try {
        for (Component component : components) {
          started.put(component, Servers.launch(component, homes.get(component), generated, addresses, run));
        }
        for (Component component : components) {
          started.get(component).awaitHealthy(Servers.healthUri(component, addresses), timeout);
        }
      } catch (RuntimeException e) {
        stopAll(started);
        removeShutdownHook(shutdownHook);
        throw e;
      }
      Duration startupTime = Duration.ofNanos(System.nanoTime() - startedAt);
      return new NativeStack(addresses, run, started, startupTime, shutdownHook);
    }

    private GeneratedConfiguration writeConfiguration(Path run, StackAddresses addresses) {
      Path directory = run.resolve("config");
      try {
        Files.createDirectories(directory);
        GeneratedConfiguration generated = configuration.writeTo(directory, addresses);
        requireNonNull(generated, "configuration.writeTo returned null");
        generated.requireFilesExist();
        return generated;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the stack configuration into " + directory, e);
      }
    }

    private static Path defaultRunDirectory() {
      return RunDirectories.createUnder(Path.of("target", "native-stack"));
    }
  }
}
