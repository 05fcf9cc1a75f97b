package io.ktrdr.observability.e2e.stack;

import static java.util.Objects.requireNonNull;

import io.ktrdr.observability.provisioning.environment.Environment;
import io.ktrdr.observability.provisioning.environment.Service;
import io.ktrdr.observability.provisioning.environment.ServiceType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The workload simulator's jar as a local process: a simulated KTRDR backend and workers on the
 * ports an environment description gives them, sending spans to a stack's OTLP/gRPC endpoint.
 */
public final class LocalSimulator implements AutoCloseable {
  /** The simulator's jar, relative to the project root. */
  public static final String JAR = "workload-simulator/target/ktrdr-workload-simulator.jar";

  /** The port of the simulator's ground truth in the compose setup. */
  public static final int USUAL_CONTROL_PORT = 8090;

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private final ManagedProcess process;
  private final URI backendMetrics;
  private final URI groundTruth;

  private LocalSimulator(ManagedProcess process, URI backendMetrics, URI groundTruth) {
    this.process = process;
    this.backendMetrics = backendMetrics;
    this.groundTruth = groundTruth;
  }

  /**
   * Starts the simulator of {@code projectRoot} and waits until its backend serves metrics.
   *
   * @param environment where each service listens (its KTRDR services are simulated)
   * @param stack where spans go (OTLP over gRPC)
   * @param arguments further simulator arguments, e.g. {@code --scenario}, {@code --time-scale}
   */
  public static LocalSimulator start(
      Path projectRoot, Environment environment, NativeStack stack, List<String> arguments) {
    return start(projectRoot, environment, stack, StackAddresses.freePort(), arguments);
  }

  /**
   * As {@link #start(Path, Environment, NativeStack, List)}, with the ground truth on {@code
   * controlPort} ({@value #USUAL_CONTROL_PORT} in the compose setup) instead of a free port.
   */
  public static LocalSimulator start(
      Path projectRoot, Environment environment, NativeStack stack, int controlPort, List<String> arguments) {
    requireNonNull(projectRoot, "projectRoot");
    requireNonNull(environment, "environment");
    requireNonNull(stack, "stack");
    requireNonNull(arguments, "arguments");
    Path jar = projectRoot.resolve(JAR);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "no simulator jar at " + jar + "; build it: ./mvnw -q -pl workload-simulator -am package -DskipTests");
    }
    Service backend =
        environment.services(ServiceType.BACKEND).stream()
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("environment has no backend service"));

    Path run = stack.runDirectory();
    Path runJar = copyOfJar(jar, run);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-jar", runJar.toString(), "--quiet", "--host", StackAddresses.HOST));
    command.addAll(List.of("--backend-port", Integer.toString(backend.port())));
    for (Service worker : environment.services(ServiceType.WORKER)) {
      command.addAll(List.of("--worker-port", worker.name() + "=" + worker.port()));
    }
    command.addAll(List.of("--control-port", Integer.toString(controlPort)));
    command.addAll(List.of("--otlp-endpoint", stack.otlpGrpcEndpoint().toString(), "--otlp-protocol", "grpc"));
    command.addAll(arguments);

    ManagedProcess process =
        ManagedProcess.start("simulator", command, run, run.resolve("simulator.log"));
    URI backendMetrics =
        URI.create("http://" + StackAddresses.HOST + ":" + backend.port() + backend.metricsPath());
    try {
      process.awaitHealthy(backendMetrics, READY_TIMEOUT);
    } catch (RuntimeException e) {
      process.close();
      throw e;
    }
    URI groundTruth = URI.create("http://" + StackAddresses.HOST + ":" + controlPort + "/ground-truth");
    return new LocalSimulator(process, backendMetrics, groundTruth);
  }

  /**
   * The run's own copy of the jar: a rebuild of the project while the simulator runs (which
   * replaces the jar under {@code target/}) would otherwise break its class loading.
   */
  private static Path copyOfJar(Path jar, Path run) {
    Path copy = run.resolve("simulator").resolve(jar.getFileName());
    try {
      Files.createDirectories(copy.getParent());
      return Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + jar + " to " + copy, e);
    }
  }

  /** The simulated backend's metrics endpoint, e.g. {@code http://127.0.0.1:8000/metrics/}. */
  public URI backendMetricsUri() {
    return backendMetrics;
  }

  /** The simulator's {@code GET /ground-truth}: what it did, to compare with what the panels show. */
  public URI groundTruthUri() {
    return groundTruth;
  }

  public Path logFile() {
    return process.logFile();
  }

  public long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    process.close();
  }

  @Override
  public String toString() {
    return "LocalSimulator{" + process + "}";
  }
}
