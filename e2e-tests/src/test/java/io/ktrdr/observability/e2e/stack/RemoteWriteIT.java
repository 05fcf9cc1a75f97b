package io.ktrdr.observability.e2e.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ktrdr.observability.provisioning.Provisioning;
import io.ktrdr.observability.provisioning.environment.Environment;
import io.ktrdr.observability.provisioning.environment.EnvironmentFile;
import io.ktrdr.observability.provisioning.environment.PrometheusDuration;
import io.ktrdr.observability.provisioning.environment.RemoteWrite;
import io.ktrdr.observability.provisioning.environment.Service;
import io.ktrdr.observability.provisioning.environment.ServiceType;
import io.ktrdr.observability.simulator.FreePorts;
import io.ktrdr.observability.simulator.RunningSimulator;
import io.ktrdr.observability.simulator.Simulator;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * When one machine is not enough: the generated {@code remote_write} sends every sample to a
 * long-term store, here a second native Prometheus started with its remote-write receiver, and
 * the same series arrive there with the same target labels.
 */
@Order(4)
@Execution(ExecutionMode.CONCURRENT)
class RemoteWriteIT {
  /** No Jaeger runs: the simulated spans go to the SDK's no-op exporter. */
  private static final SpanExporter NO_SPANS = SpanExporter.composite();

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SERIES = "up{environment=\"local\"}";

  @TempDir Path run;

  @Test
  void theScrapedSeriesArriveInTheLongTermStoreWithTheirLabels() throws Exception {
    Path home = NativeHomes.install("prometheus").get("prometheus");
    int[] ports = FreePorts.choose(2);
    URI scraper = URI.create("http://127.0.0.1:" + ports[0]);
    URI store = URI.create("http://127.0.0.1:" + ports[1]);

    try (RunningSimulator simulator = Simulator.builder().host(StackAddresses.HOST).anyFreePorts()
        .timeScale(60).spanExporter(NO_SPANS).build().start()) {
      Environment local = EnvironmentFile.load(Projects.root().resolve("environments/local.yaml"));
      Environment.Builder builder = local.toBuilder();
      for (Service service : local.services()) {
        int port = service.type() == ServiceType.BACKEND ? simulator.backendPort() : simulator.workerPort(service.name());
        builder.service(service.name(), s -> s.host(StackAddresses.HOST).port(port));
      }
      Environment environment = builder.prometheus(local.prometheus().toBuilder().url(scraper)
              .scrapeInterval(PrometheusDuration.parse("1s")).evaluationInterval(PrometheusDuration.parse("1s"))
              .remoteWrite(new RemoteWrite(store.resolve("/api/v1/write"))).build())
          .alerting(null).build();
      Path monitoring = run.resolve("monitoring");
      Provisioning.generateMonitoring(environment, monitoring);

      try (ManagedProcess longTerm = start(home, "store", List.of("--web.enable-remote-write-receiver",
              "--config.file=" + emptyConfig(), "--storage.tsdb.path=" + run.resolve("store-data"),
              "--web.listen-address=127.0.0.1:" + ports[1]), store);
          ManagedProcess prometheus = start(home, "scraper", List.of(
              "--config.file=" + monitoring.resolve(Provisioning.PROMETHEUS_CONFIG),
              "--storage.tsdb.path=" + run.resolve("scraper-data"),
              "--web.listen-address=127.0.0.1:" + ports[0], PrometheusServer.PROMPT_TARGETS), scraper)) {
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
          Map<String, String> scraped = seriesByService(scraper);
          assertThat(scraped).hasSize(local.services().size());
          assertThat(seriesByService(store)).as("the same series in the long-term store").isEqualTo(scraped);
        });
      }
    }
  }

  private Path emptyConfig() throws Exception {
    Path config = run.resolve("store.yml");
    java.nio.file.Files.writeString(config, "global: {}\n");
    return config;
  }

  private ManagedProcess start(Path home, String name, List<String> arguments, URI uri) {
    List<String> command = new java.util.ArrayList<>(List.of(home.resolve("bin/prometheus").toString()));
    command.addAll(arguments);
    ManagedProcess process = ManagedProcess.start(name, command, run, run.resolve(name + ".log"));
    try {
      process.awaitHealthy(uri.resolve("/-/ready"), TIMEOUT);
    } catch (RuntimeException e) {
      process.close();
      throw e;
    }
    return process;
  }

  /** Each {@code up} series of the environment by service, with its full label set. */
  private static Map<String, String> seriesByService(URI prometheus) throws Exception {
    URI query = prometheus.resolve("/api/v1/query?query=" + URLEncoder.encode(SERIES, StandardCharsets.UTF_8));
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(query).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Map<String, String> series = new TreeMap<>();
    for (JsonNode result : JSON.readTree(response.body()).path("data").path("result")) {
      series.put(result.path("metric").path("service").asText(), new TreeMap<>(JSON.convertValue(result.path("metric"),
          Map.class)).toString());
    }
    return series;
  }
}
