package io.ktrdr.observability.e2e.harness;

import static java.util.Objects.requireNonNull;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.ktrdr.observability.e2e.panels.JsonHttp;
import io.ktrdr.observability.e2e.stack.Component;
import io.ktrdr.observability.e2e.stack.LocalSimulator;
import io.ktrdr.observability.provisioning.Provisioning;
import io.ktrdr.observability.provisioning.environment.Environment;
import io.ktrdr.observability.provisioning.environment.EnvironmentFile;
import io.ktrdr.observability.provisioning.environment.PrometheusDuration;
import io.ktrdr.observability.provisioning.environment.Service;
import io.ktrdr.observability.provisioning.environment.ServiceType;
import io.ktrdr.observability.simulator.GroundTruth;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.ContainerState;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.containers.wait.strategy.WaitStrategy;

/**
 * The stack as the compose setup KTRDR's developers run, through Testcontainers: the generated
 * {@code docker-compose.dev.yml} of the {@code dev} environment with the {@code simulator} profile,
 * generated into a directory of its own with a short scrape interval, plus an override that gives
 * the simulator the test's scenario, time scale and ground-truth port.
 *
 * <p>The simulator's settings are fixed for a compose run, so {@link #startSimulator} with other
 * settings brings the whole compose setup up again.
 */
public final class ComposeStackHandle implements StackHandle {
  private static final int CONTROL_PORT = 8090;
  private static final int GRAFANA_PORT = 3000;
  private static final int PROMETHEUS_PORT = 9090;
  private static final int JAEGER_QUERY_PORT = 16686;
  private static final int OTLP_GRPC_PORT = 4317;
  private static final String OVERRIDE = "docker-compose.e2e.yml";
  private static final List<String> PUBLISHING_SERVICES = List.of("grafana", "prometheus", "jaeger");
  static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration RESTART_TIMEOUT = Duration.ofSeconds(60);

  private final Path projectRoot;
  private final Path directory;
  private final Environment environment;
  private final List<String> containerIds = new ArrayList<>();
  private ComposeContainer compose;
  private Duration startupTime;
  private StartedSimulator simulator;

  private ComposeStackHandle(Path projectRoot, Path directory, Environment environment) {
    this.projectRoot = projectRoot;
    this.directory = directory;
    this.environment = environment;
  }

  /** Whether Testcontainers finds a Docker engine. */
  public static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  /**
   * Generates the compose setup into {@code directory}; nothing runs until {@link #startSimulator}.
   *
   * @param projectRoot the directory holding {@code environments/} and the simulator's jar
   */
  public static ComposeStackHandle prepare(Path projectRoot, Path directory) {
    requireNonNull(projectRoot, "projectRoot");
    requireNonNull(directory, "directory");
    // The override below resets the published ports with `!reset`: Docker Compose 2.24 or newer.
    ComposeVersion.ofLocalDocker();
    Environment dev = EnvironmentFile.load(projectRoot.resolve("environments/dev.yaml"));
    PrometheusDuration scrape = PrometheusDuration.parse(NativeStackHandle.SCRAPE_INTERVAL_SECONDS + "s");
    Environment environment = dev.toBuilder()
        .prometheus(dev.prometheus().toBuilder().scrapeInterval(scrape).evaluationInterval(scrape).build())
        .build();
    Provisioning.generate(environment, directory);
    // The compose file mounts the simulator's jar from beside it: it must be built before the compose starts.
    Path built = projectRoot.resolve(LocalSimulator.JAR);
    if (!Files.isRegularFile(built)) {
      throw new IllegalStateException("no simulator jar at " + built
          + ": build it first (./mvnw -q -pl workload-simulator package -DskipTests, or run the end-to-end tests with -am)");
    }
    Path jar = directory.resolve(LocalSimulator.JAR);
    try {
      Files.createDirectories(jar.getParent());
      Files.copy(built, jar, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the simulator's jar into " + directory, e);
    }
    return new ComposeStackHandle(projectRoot, directory, environment);
  }

  @Override
  public String mode() {
    return "compose";
  }

  @Override
  public synchronized SimulatorRun startSimulator(SimulatorSettings settings) {
    requireNonNull(settings, "settings");
    if (compose != null) {
      stopCompose();
    }
    writeOverride(settings);
    long startedAt = System.nanoTime();
    // The local `docker compose` (the File-only constructors); each service's wait is bounded by the
    // startup timeout set before it, and names its port: a service exposing two would be checked on either.
    ComposeContainer container = new ComposeContainer(
            directory.resolve(environment.compose().orElseThrow().file()).toFile(), directory.resolve(OVERRIDE).toFile())
        .withEnv("COMPOSE_PROFILES", "simulator")
        .withStartupTimeout(STARTUP_TIMEOUT)
        .withRemoveVolumes(true);
    for (ExposedWait wait : exposedWaits()) {
      container.withExposedService(wait.service(), wait.port(), wait.strategy());
    }
    container.start();
    compose = container;
    startupTime = Duration.ofNanos(System.nanoTime() - startedAt);
    for (String service : List.of("grafana", "prometheus", "jaeger", "simulator")) {
      container.getContainerByServiceName(service).map(ContainerState::getContainerId).ifPresent(containerIds::add);
    }
    URI groundTruth = uri("simulator", CONTROL_PORT).resolve("/ground-truth");
    simulator = new StartedSimulator(settings, Instant.now(),
        () -> GroundTruth.fromJson(JsonHttp.anonymous().get(groundTruth).toString()), () -> { });
    return simulator;
  }

  /** One service port Testcontainers exposes, and how it waits for it. */
  record ExposedWait(String service, int port, WaitStrategy strategy) {}

  /**
   * The waits of a start, each with the 5-minute startup timeout of its own: the compose
   * container's timeout bounds only the outer wait, and an inner {@code Wait.*} keeps its 60 s
   * default otherwise (a cold Grafana takes longer). Each names its port, as a service exposing two
   * would be checked on either.
   */
  static List<ExposedWait> exposedWaits() {
    return List.of(
        new ExposedWait("prometheus", PROMETHEUS_PORT,
            Wait.forHttp("/-/ready").forPort(PROMETHEUS_PORT).withStartupTimeout(STARTUP_TIMEOUT)),
        new ExposedWait("jaeger", JAEGER_QUERY_PORT,
            Wait.forHttp("/api/services").forPort(JAEGER_QUERY_PORT).withStartupTimeout(STARTUP_TIMEOUT)),
        new ExposedWait("jaeger", OTLP_GRPC_PORT,
            Wait.forListeningPorts(OTLP_GRPC_PORT).withStartupTimeout(STARTUP_TIMEOUT)),
        new ExposedWait("grafana", GRAFANA_PORT,
            Wait.forHttp("/api/health").forPort(GRAFANA_PORT).withStartupTimeout(STARTUP_TIMEOUT)),
        new ExposedWait("simulator", CONTROL_PORT,
            Wait.forHttp("/ground-truth").forPort(CONTROL_PORT).withStartupTimeout(STARTUP_TIMEOUT)));
  }

  /** The simulator's command: the generated one, plus the test's scenario and the ground-truth port. */
  private void writeOverride(SimulatorSettings settings) {
    List<String> command = new ArrayList<>(List.of("java", "-jar", "/app/ktrdr-workload-simulator.jar", "--host", "0.0.0.0"));
    Service backend = environment.services(ServiceType.BACKEND).get(0);
    command.addAll(List.of("--backend-port", Integer.toString(backend.port())));
    for (Service worker : environment.services(ServiceType.WORKER)) {
      command.addAll(List.of("--worker-port", worker.name() + "=" + worker.port()));
    }
    command.addAll(List.of("--control-port", Integer.toString(CONTROL_PORT), "--quiet"));
    command.addAll(settings.arguments());
    // No fixed host ports (the compose file publishes 3000, 9090, 16686, 4317 and 4318 for people, and a
    // developer's own stack may hold them): the tests reach each service through Testcontainers' ambassador.
    String yaml = "services:\n  simulator:\n    command:\n"
        + command.stream().map(argument -> "      - '" + argument + "'\n").collect(Collectors.joining())
        + PUBLISHING_SERVICES.stream().map(service -> "  " + service + ":\n    ports: !reset []\n").collect(Collectors.joining());
    try {
      Files.writeString(directory.resolve(OVERRIDE), yaml, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + directory.resolve(OVERRIDE), e);
    }
  }

  private URI uri(String service, int port) {
    ComposeContainer running = requireStarted();
    return URI.create("http://" + running.getServiceHost(service, port) + ":" + running.getServicePort(service, port));
  }

  private ComposeContainer requireStarted() {
    if (compose == null) {
      throw new IllegalStateException("the compose setup is not up: start the simulator first");
    }
    return compose;
  }

  @Override
  public Optional<URI> grafanaUri() {
    return Optional.of(uri("grafana", GRAFANA_PORT));
  }

  @Override
  public URI prometheusUri() {
    return uri("prometheus", PROMETHEUS_PORT);
  }

  @Override
  public URI jaegerQueryUri() {
    return uri("jaeger", JAEGER_QUERY_PORT);
  }

  @Override
  public URI otlpGrpcEndpoint() {
    return uri("jaeger", OTLP_GRPC_PORT);
  }

  @Override
  public Duration scrapeInterval() {
    return environment.prometheus().scrapeInterval().toDuration();
  }

  @Override
  public Path provisionedDashboardsDirectory() {
    return directory.resolve(Provisioning.MONITORING_DIR).resolve(Provisioning.DASHBOARDS_DIR);
  }

  @Override
  public Duration startupTime() {
    return startupTime == null ? Duration.ZERO : startupTime;
  }

  @Override
  public synchronized Optional<SimulatorRun> simulator() {
    return Optional.ofNullable(simulator);
  }

  @Override
  public void stop(Component component) {
    DockerClient docker = DockerClientFactory.instance().client();
    docker.stopContainerCmd(containerId(component)).exec();
  }

  @Override
  public void start(Component component) {
    DockerClient docker = DockerClientFactory.instance().client();
    docker.startContainerCmd(containerId(component)).exec();
    awaitHealthy(component);
  }

  /** Polls the server's health endpoint, as the start's wait strategies do, until it answers 200. */
  private void awaitHealthy(Component component) {
    URI health = switch (component) {
      case GRAFANA -> uri("grafana", GRAFANA_PORT).resolve("/api/health");
      case PROMETHEUS -> uri("prometheus", PROMETHEUS_PORT).resolve("/-/ready");
      case JAEGER -> uri("jaeger", JAEGER_QUERY_PORT).resolve("/api/services");
    };
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest request = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build();
    long deadline = System.nanoTime() + RESTART_TIMEOUT.toNanos();
    String last = "no answer yet";
    while (System.nanoTime() < deadline) {
      try {
        try {
          int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
          if (status == 200) {
            return;
          }
          last = "status " + status;
        } catch (IOException e) {
          last = e.toString();
        }
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + health, e);
      }
    }
    throw new IllegalStateException(
        component.installName() + " restarted but " + health + " did not answer 200 within " + RESTART_TIMEOUT + ": " + last);
  }

  @Override
  public boolean isRunning(Component component) {
    return running(containerId(component));
  }

  private String containerId(Component component) {
    return requireStarted().getContainerByServiceName(component.installName())
        .map(ContainerState::getContainerId)
        .orElseThrow(() -> new IllegalStateException("no container for service " + component.installName()));
  }

  private static boolean running(String containerId) {
    try {
      Boolean running = DockerClientFactory.instance().client().inspectContainerCmd(containerId).exec().getState().getRunning();
      return Boolean.TRUE.equals(running);
    } catch (NotFoundException removed) {
      return false;
    }
  }

  @Override
  public List<String> leftRunning() {
    return containerIds.stream().filter(ComposeStackHandle::running).map(id -> "container " + id).toList();
  }

  private void stopCompose() {
    if (simulator != null) {
      simulator.stop();
    }
    compose.stop();
    compose = null;
    simulator = null;
  }

  @Override
  public synchronized void close() {
    if (compose != null) {
      stopCompose();
    }
  }

  @Override
  public String toString() {
    return "ComposeStackHandle{" + directory + " of " + projectRoot + "}";
  }
}
