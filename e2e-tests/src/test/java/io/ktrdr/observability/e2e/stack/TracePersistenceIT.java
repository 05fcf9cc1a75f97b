package io.ktrdr.observability.e2e.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ktrdr.observability.provisioning.Provisioning;
import io.ktrdr.observability.provisioning.environment.ComposeSettings;
import io.ktrdr.observability.provisioning.environment.Environment;
import io.ktrdr.observability.provisioning.environment.EnvironmentFile;
import io.ktrdr.observability.provisioning.environment.JaegerSettings;
import io.ktrdr.observability.provisioning.environment.PrometheusDuration;
import io.ktrdr.observability.simulator.FreePorts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Traces survive a restart: a native Jaeger runs the generated {@code jaeger/config.yaml} of an
 * environment with Badger storage (the file the compose file mounts), receives a span over OTLP,
 * is stopped, started again on the same data directory, and still finds the trace.
 */
@Execution(ExecutionMode.CONCURRENT)
class TracePersistenceIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path run;

  @Test
  @SuppressWarnings("unchecked")
  void aTraceStoredInBadgerIsFoundAfterJaegerRestarts() throws Exception {
    Path home = NativeHomes.install("jaeger").get("jaeger");
    int[] ports = FreePorts.choose(5);
    Environment local = EnvironmentFile.load(Projects.root().resolve("environments/local.yaml"));
    Environment environment = local.toBuilder()
        .jaeger(local.jaeger().toBuilder()
            .url(URI.create("http://127.0.0.1:" + ports[0]))
            .otlpGrpcUrl(URI.create("http://127.0.0.1:" + ports[1]))
            .otlpHttpUrl(URI.create("http://127.0.0.1:" + ports[2]))
            .healthPort(ports[3]).queryGrpcPort(ports[4])
            .storage(JaegerSettings.Storage.BADGER).retention(PrometheusDuration.parse("1d"))
            .dataDirectory(run.resolve("jaeger-data").toString())
            .build())
        .compose(new ComposeSettings("docker-compose.yml", false, Set.of()))
        .build();
    Path root = run.resolve("generated");
    Provisioning.generate(environment, root);
    Path config = root.resolve(Provisioning.MONITORING_DIR).resolve(Provisioning.JAEGER_CONFIG);

    // The file started here is the one the compose file mounts and names.
    Map<String, Object> jaeger = composeService(root.resolve("docker-compose.yml"), "jaeger");
    assertThat((List<Object>) jaeger.get("volumes")).contains("./monitoring/jaeger:/etc/jaeger:ro");
    assertThat((List<Object>) jaeger.get("command")).containsExactly("--config=file:/etc/jaeger/config.yaml");
    assertThat(Files.readString(config)).contains("badger:", "spans: 24h", run.resolve("jaeger-data") + "/keys");

    URI query = URI.create("http://127.0.0.1:" + ports[0]);
    URI health = URI.create("http://127.0.0.1:" + ports[3] + "/status");
    String traceId = randomHex(16);
    List<String> command = List.of(home.resolve("bin/jaeger").toString(), "--config=file:" + config);
    // Jaeger's query API traces itself to OTLP's default localhost:4317, which in the compose setup is
    // its own receiver and here is nothing: once it has answered a query, its stop would spend 10 s
    // retrying to send those spans. Sampling none leaves nothing to send; the file stays as generated.
    Map<String, String> noSelfTracing = Map.of("OTEL_TRACES_SAMPLER", "always_off");

    try (ManagedProcess first = ManagedProcess.start("jaeger", command, noSelfTracing, run, run.resolve("jaeger.log"))) {
      first.awaitHealthy(health, TIMEOUT);
      postSpan(URI.create("http://127.0.0.1:" + ports[2] + "/v1/traces"), traceId, "persisted-operation");
      await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200))
          .until(() -> spanNames(query, traceId).contains("persisted-operation"));
    }
    assertThat(run.resolve("jaeger-data/keys")).isDirectoryContaining(path -> path.toString().endsWith(".vlog")
        || path.toString().endsWith(".sst") || path.getFileName().toString().equals("MANIFEST"));

    try (ManagedProcess second = ManagedProcess.start("jaeger", command, noSelfTracing, run, run.resolve("jaeger.log"))) {
      second.awaitHealthy(health, TIMEOUT);
      assertThat(spanNames(query, traceId)).as("the trace after the restart").containsExactly("persisted-operation");
      assertThat(get(query.resolve("/api/services")).toString()).contains("persistence-check");
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> composeService(Path composeFile, String service) throws Exception {
    Map<String, Object> compose = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(composeFile));
    return (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(service);
  }

  private static void postSpan(URI traces, String traceId, String name) throws Exception {
    long end = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
    String body = """
        {"resourceSpans":[{
          "resource":{"attributes":[{"key":"service.name","value":{"stringValue":"persistence-check"}}]},
          "scopeSpans":[{"scope":{"name":"e2e-tests"},"spans":[{
            "traceId":"%s","spanId":"%s","name":"%s","kind":1,
            "startTimeUnixNano":"%d","endTimeUnixNano":"%d"}]}]}]}
        """.formatted(traceId, randomHex(8), name, end - 1_000_000, end);
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(traces).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  /** The span names of the trace, or none while Jaeger does not know it. */
  private static List<String> spanNames(URI query, String traceId) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(query.resolve("/api/traces/" + traceId))
        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      return List.of();
    }
    return JSON.readTree(response.body()).path("data").findValues("operationName").stream().map(JsonNode::asText).toList();
  }

  private static JsonNode get(URI uri) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(uri + ": " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static String randomHex(int bytes) {
    byte[] id = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(id);
    return HexFormat.of().formatHex(id);
  }
}
