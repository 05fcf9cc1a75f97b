package io.ktrdr.observability.e2e.harness;

import static java.util.Objects.requireNonNull;

import io.ktrdr.observability.e2e.stack.Component;
import io.ktrdr.observability.e2e.stack.ProvisionedConfiguration;
import io.ktrdr.observability.e2e.stack.RestartableServers;
import io.ktrdr.observability.e2e.stack.RunDirectories;
import io.ktrdr.observability.e2e.stack.StackAddresses;
import io.ktrdr.observability.provisioning.environment.Environment;
import io.ktrdr.observability.provisioning.environment.PrometheusDuration;
import io.ktrdr.observability.provisioning.environment.Service;
import io.ktrdr.observability.provisioning.environment.ServiceType;
import io.ktrdr.observability.simulator.FreePorts;
import io.ktrdr.observability.simulator.RunningSimulator;
import io.ktrdr.observability.simulator.Simulator;
import io.ktrdr.observability.simulator.model.Topology;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The stack as local processes (Prometheus and Jaeger built from their Go modules; Grafana where
 * {@code KTRDR_GRAFANA_HOME} names one), configured from the provisioning module's {@code local}
 * environment with every KTRDR service on a free port and a short scrape interval, and the
 * simulator running in this JVM.
 */
public final class NativeStackHandle implements StackHandle {
  /** Prometheus' scrape interval in tests, and so its datasource's {@code timeInterval}: {@value} s. */
  public static final int SCRAPE_INTERVAL_SECONDS = 1;

  private final RestartableServers servers;
  private final Environment environment;
  private final Duration startupTime;
  private final List<Integer> ports;
  private StartedSimulator simulator;

  private NativeStackHandle(RestartableServers servers, Environment environment, Duration startupTime) {
    this.servers = servers;
    this.environment = environment;
    this.startupTime = startupTime;
    this.ports = new ArrayList<>();
    URI[] uris = {
      servers.addresses().prometheusUri(), servers.addresses().jaegerQueryUri(),
      servers.addresses().otlpGrpcEndpoint(), servers.addresses().otlpHttpEndpoint()
    };
    for (URI uri : uris) {
      ports.add(uri.getPort());
    }
    environment.services().forEach(service -> ports.add(service.port()));
  }

  /**
   * Starts Prometheus and Jaeger, and Grafana where {@code KTRDR_GRAFANA_HOME} is set.
   *
   * @param projectRoot the directory holding {@code native-stack/} and {@code environments/}
   */
  public static NativeStackHandle start(Path projectRoot) {
    return start(projectRoot, ProvisionedConfiguration.LOCAL_ENVIRONMENT);
  }

  /**
   * As {@link #start(Path)}, configured from another environment description, e.g. {@code
   * environments/homelab.yaml}, with its KTRDR services moved to free ports on loopback.
   *
   * @param environmentFile relative to {@code projectRoot}
   */
  public static NativeStackHandle start(Path projectRoot, String environmentFile) {
    requireNonNull(projectRoot, "projectRoot");
    requireNonNull(environmentFile, "environmentFile");
    long startedAt = System.nanoTime();
    Environment environment = testEnvironment(projectRoot, environmentFile);
    Set<Component> components = EnumSet.of(Component.PROMETHEUS, Component.JAEGER);
    // A variable naming no Grafana is kept: the install step then fails and says what the home lacks.
    if (GrafanaAvailability.ofNativeStack(System.getenv()).state() != GrafanaAvailability.State.ABSENT) {
      components.add(Component.GRAFANA);
    }
    Path run = RunDirectories.createUnder(projectRoot.resolve("e2e-tests/target/e2e-stack"));
    RestartableServers servers =
        RestartableServers.start(ProvisionedConfiguration.of(environment), components, projectRoot, run);
    return new NativeStackHandle(servers, environment, Duration.ofNanos(System.nanoTime() - startedAt));
  }

  /** The {@code local} environment with services on free ports and a {@value #SCRAPE_INTERVAL_SECONDS} s scrape interval. */
  public static Environment testEnvironment(Path projectRoot) {
    return testEnvironment(projectRoot, ProvisionedConfiguration.LOCAL_ENVIRONMENT);
  }

  /** An environment description (relative to {@code projectRoot}) made a test environment as {@link #testEnvironment(Path)}. */
  public static Environment testEnvironment(Path projectRoot, String environmentFile) {
    Environment local = ProvisionedConfiguration.of(
            io.ktrdr.observability.provisioning.environment.EnvironmentFile.load(projectRoot.resolve(environmentFile)))
        .withServicesOnFreePorts().environment();
    PrometheusDuration scrape = PrometheusDuration.parse(SCRAPE_INTERVAL_SECONDS + "s");
    return local.toBuilder()
        .prometheus(local.prometheus().toBuilder().scrapeInterval(scrape).evaluationInterval(scrape).build())
        .build();
  }

  @Override
  public String mode() {
    return "native";
  }

  @Override
  public Optional<URI> grafanaUri() {
    return servers.components().contains(Component.GRAFANA)
        ? Optional.of(servers.addresses().grafanaUri())
        : Optional.empty();
  }

  @Override
  public URI prometheusUri() {
    return servers.addresses().prometheusUri();
  }

  @Override
  public URI jaegerQueryUri() {
    return servers.addresses().jaegerQueryUri();
  }

  @Override
  public URI otlpGrpcEndpoint() {
    return servers.addresses().otlpGrpcEndpoint();
  }

  @Override
  public Duration scrapeInterval() {
    return environment.prometheus().scrapeInterval().toDuration();
  }

  @Override
  public Duration startupTime() {
    return startupTime;
  }

  /** The environment the configuration was generated from: where each simulated service listens. */
  public Environment environment() {
    return environment;
  }

  @Override
  public Path provisionedDashboardsDirectory() {
    return servers.runDirectory().resolve("config").resolve(io.ktrdr.observability.provisioning.Provisioning.MONITORING_DIR)
        .resolve(io.ktrdr.observability.provisioning.Provisioning.DASHBOARDS_DIR);
  }

  /** This run's directory: generated configuration, data and logs. */
  public Path runDirectory() {
    return servers.runDirectory();
  }

  @Override
  public synchronized SimulatorRun startSimulator(SimulatorSettings settings) {
    requireNonNull(settings, "settings");
    stopSimulator();
    Service backend = environment.services(ServiceType.BACKEND).get(0);
    // The topology says which targets run; the environment where each listens (also those never started).
    Simulator.Builder builder = Simulator.builder().topology(Topology.named(settings.topology()));
    environment.services(ServiceType.WORKER).forEach(worker -> builder.workerPort(worker.name(), worker.port()));
    RunningSimulator running = builder
        .host(StackAddresses.HOST)
        .backendPort(backend.port())
        .controlPort(FreePorts.choose())
        .otlp(otlpGrpcEndpoint().toString(), "grpc")
        .scenario(settings.resolvedScenario())
        .ktrdrDefects(settings.ktrdrDefects())
        .seed(settings.seed())
        .timeScale(settings.timeScale())
        .build()
        .start();
    simulator = new StartedSimulator(settings, Instant.now(), running::groundTruth, running::close);
    return simulator;
  }

  @Override
  public synchronized Optional<SimulatorRun> simulator() {
    return Optional.ofNullable(simulator);
  }

  private synchronized void stopSimulator() {
    if (simulator != null) {
      simulator.stop();
      simulator = null;
    }
  }

  @Override
  public void stop(Component component) {
    servers.stop(component);
  }

  @Override
  public void start(Component component) {
    servers.start(component);
  }

  @Override
  public boolean isRunning(Component component) {
    return servers.isRunning(component);
  }

  @Override
  public List<String> leftRunning() {
    List<String> left = new ArrayList<>();
    for (long pid : servers.pidsEverStarted()) {
      ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
          .ifPresent(p -> left.add("pid " + pid + " " + p.info().command().orElse("?")));
    }
    for (int port : ports) {
      if (listening(port)) {
        left.add("a listener on " + StackAddresses.HOST + ":" + port);
      }
    }
    if (simulator != null && simulator.isRunning()) {
      left.add("the simulator");
    }
    return left;
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(StackAddresses.HOST, port), 200);
      // A connection to a free port in the ephemeral range can be the socket meeting itself.
      return socket.getLocalPort() != port;
    } catch (IOException refused) {
      return false;
    }
  }

  @Override
  public void close() {
    try {
      stopSimulator();
    } finally {
      servers.close();
    }
  }

  @Override
  public String toString() {
    return "NativeStackHandle{" + servers + "}";
  }
}
