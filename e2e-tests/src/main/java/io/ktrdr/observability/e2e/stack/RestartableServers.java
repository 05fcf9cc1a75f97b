package io.ktrdr.observability.e2e.stack;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The local stack's servers, each of which can be stopped and started again on the same address
 * with the same data directory: what fault tests need (Prometheus restarted, Jaeger down for a
 * while). Built from the same parts as {@link NativeStack}: the install script, the generated
 * configuration and the same launch of each server.
 */
public final class RestartableServers implements AutoCloseable {
  /** Block length of backfilled history: {@value} h. */
  public static final int HISTORY_BLOCK_HOURS = 24;
  private static final Duration BACKFILL_TIMEOUT = Duration.ofMinutes(30);

  private final Map<Component, Path> homes;
  private final StackAddresses addresses;
  private final Path runDirectory;
  private final GeneratedConfiguration configuration;
  private final Duration timeout;
  private final Map<Component, ManagedProcess> running =
      Collections.synchronizedMap(new EnumMap<>(Component.class));
  private final List<Long> pidsEverStarted = Collections.synchronizedList(new ArrayList<>());
  private final Thread shutdownHook = new Thread(this::stopAll, "restartable-servers-shutdown");

  private RestartableServers(
      Map<Component, Path> homes, StackAddresses addresses, Path runDirectory,
      GeneratedConfiguration configuration, Duration timeout) {
    this.homes = homes;
    this.addresses = addresses;
    this.runDirectory = runDirectory;
    this.configuration = configuration;
    this.timeout = timeout;
  }

  /**
   * Installs what is missing, writes the configuration, and starts {@code components} on free
   * loopback ports, each waited on by its health endpoint.
   *
   * @param projectDirectory a directory at or below the project root
   * @param runDirectory this run's directory: configuration, data and logs
   */
  public static RestartableServers start(
      StackConfiguration configuration, Set<Component> components, Path projectDirectory, Path runDirectory) {
    return start(configuration, components, projectDirectory, runDirectory, null);
  }

  /**
   * As {@link #start(StackConfiguration, Set, Path, Path)}, with Prometheus holding {@code
   * openMetricsHistory} from its start: turned into TSDB blocks by {@code promtool tsdb
   * create-blocks-from openmetrics} with {@value #HISTORY_BLOCK_HOURS} h blocks (promtool reads the
   * whole file once per block, so days of history at its default of 2 h take far longer).
   *
   * @param openMetricsHistory samples in the OpenMetrics text format, or null for none
   */
  public static RestartableServers start(
      StackConfiguration configuration, Set<Component> components, Path projectDirectory, Path runDirectory,
      Path openMetricsHistory) {
    requireNonNull(configuration, "configuration");
    requireNonNull(components, "components");
    requireNonNull(projectDirectory, "projectDirectory");
    requireNonNull(runDirectory, "runDirectory");
    if (components.isEmpty()) {
      throw new IllegalArgumentException("components is empty");
    }
    Map<Component, Path> homes = NativeInstall.findFrom(projectDirectory).install(components);
    StackAddresses addresses = StackAddresses.onFreePorts();
    Path configDirectory = runDirectory.resolve("config");
    GeneratedConfiguration generated;
    try {
      Files.createDirectories(configDirectory);
      generated = configuration.writeTo(configDirectory, addresses);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the stack configuration into " + configDirectory, e);
    }
    generated.requireFilesExist();
    if (openMetricsHistory != null) {
      if (!components.contains(Component.PROMETHEUS)) {
        throw new IllegalArgumentException("openMetricsHistory needs prometheus among the components");
      }
      PrometheusServer.backfill(
          homes.get(Component.PROMETHEUS), openMetricsHistory, runDirectory, HISTORY_BLOCK_HOURS, BACKFILL_TIMEOUT);
    }
    RestartableServers servers = new RestartableServers(
        Map.copyOf(homes), addresses, runDirectory, generated, Duration.ofSeconds(NativeStack.DEFAULT_TIMEOUT_SECONDS));
    Runtime.getRuntime().addShutdownHook(servers.shutdownHook);
    try {
      // All launched before any is waited on: they come up side by side.
      Map<Component, ManagedProcess> launched = new EnumMap<>(Component.class);
      for (Component component : components) {
        launched.put(component, servers.launch(component));
      }
      launched.forEach(servers::awaitHealthy);
    } catch (RuntimeException e) {
      servers.close();
      throw e;
    }
    return servers;
  }

  /** Starts a stopped server on its address and waits until it is healthy. */
  public void start(Component component) {
    requireNonNull(component, "component");
    Path home = homes.get(component);
    if (home == null) {
      throw new IllegalArgumentException(component.installName() + " was not installed for this stack: " + homes.keySet());
    }
    if (isRunning(component)) {
      throw new IllegalStateException(component.installName() + " is already running");
    }
    awaitHealthy(component, launch(component));
  }

  private ManagedProcess launch(Component component) {
    Path home = homes.get(component);
    ManagedProcess process = Servers.launch(component, home, configuration, addresses, runDirectory);
    running.put(component, process);
    pidsEverStarted.add(process.pid());
    return process;
  }

  private void awaitHealthy(Component component, ManagedProcess process) {
    try {
      process.awaitHealthy(Servers.healthUri(component, addresses), timeout);
    } catch (RuntimeException e) {
      running.remove(component);
      process.close();
      throw e;
    }
  }

  /** Stops a server (gracefully first); its data directory stays for the next start. */
  public void stop(Component component) {
    ManagedProcess process = running.remove(component);
    if (process == null) {
      throw new IllegalStateException(component.installName() + " is not running");
    }
    process.close();
  }

  public boolean isRunning(Component component) {
    ManagedProcess process = running.get(component);
    return process != null && process.isAlive();
  }

  /** The servers that have a home: those started at first. */
  public Set<Component> components() {
    return homes.keySet();
  }

  /** Prometheus' data directory: TSDB blocks moved in while it is stopped are loaded when it starts. */
  public Path prometheusDataDirectory() {
    return PrometheusServer.dataDirectory(runDirectory);
  }

  public StackAddresses addresses() {
    return addresses;
  }

  public Path runDirectory() {
    return runDirectory;
  }

  public GeneratedConfiguration configuration() {
    return configuration;
  }

  /** A server's log of this run (every start appends to it). */
  public Path logFile(Component component) {
    return runDirectory.resolve(component.installName() + ".log");
  }

  /** Every process id any server of this stack ever had: to check that none outlives the stack. */
  public List<Long> pidsEverStarted() {
    synchronized (pidsEverStarted) {
      return List.copyOf(pidsEverStarted);
    }
  }

  private void stopAll() {
    List<ManagedProcess> reversed;
    synchronized (running) {
      reversed = new ArrayList<>(running.values());
      running.clear();
    }
    Collections.reverse(reversed);
    reversed.forEach(ManagedProcess::close);
  }

  @Override
  public void close() {
    stopAll();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // The hook is running or has run.
    }
  }

  @Override
  public String toString() {
    return "RestartableServers{" + running.keySet() + " at " + addresses + ", run " + runDirectory + "}";
  }
}
