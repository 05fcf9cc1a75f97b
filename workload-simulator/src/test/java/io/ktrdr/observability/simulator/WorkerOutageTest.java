package io.ktrdr.observability.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.ktrdr.observability.simulator.model.Scenario;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A worker in an outage refuses its scrape, is marked unavailable, and comes back. */
class WorkerOutageTest {

  @Test
  void aWorkerInAnOutageRefusesItsScrapeIsMarkedUnavailableAndReturns() throws Exception {
    // Model minute 2 to 6, at 60x: wall second 2 to 6 (two seconds to scrape it answering first, and
    // four to see it refused and marked, on a busy machine too).
    Scenario scenario = Scenario.builder().name("short-outage")
        .outage(new Scenario.Outage("backtest-worker-2", Duration.ofMinutes(2), Duration.ofMinutes(4))).build();
    try (RunningSimulator simulator = Simulator.builder().host("127.0.0.1").anyFreePorts().scenario(scenario)
        .timeScale(60).spanExporter(InMemorySpanExporter.create()).build().start()) {
      assertThat(Exposition.scrape(simulator.workerMetricsUri("backtest-worker-2")).familyNames()).isNotEmpty();

      await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
          assertThatThrownBy(() -> Exposition.scrape(simulator.workerMetricsUri("backtest-worker-2")))
              .isInstanceOf(ConnectException.class));
      await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
        Exposition backend = Exposition.scrape(simulator.backendMetricsUri());
        assertThat(backend.family("ktrdr_workers_available").sum("ktrdr_workers_available", Map.of("worker_type", "backtesting")))
            .isLessThanOrEqualTo(1.0);
        assertThat(simulator.groundTruth().workers()).filteredOn(w -> w.name().equals("backtest-worker-2"))
            .extracting(GroundTruth.WorkerTruth::status).containsExactly("temporarily_unavailable");
      });
      assertThat(Exposition.scrape(simulator.workerMetricsUri("backtest-worker-1")).familyNames()).isNotEmpty();

      await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).ignoreExceptionsInstanceOf(ConnectException.class)
          .untilAsserted(() -> assertThat(Exposition.scrape(simulator.workerMetricsUri("backtest-worker-2")).familyNames()).isNotEmpty());
      // Its endpoint answers a moment before the registry's change (the same model instant) is recorded.
      await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
          assertThat(simulator.groundTruth().availabilityChanges()).filteredOn(c -> c.worker().equals("backtest-worker-2"))
              .extracting(GroundTruth.StatusChange::to).contains("temporarily_unavailable", "available"));
      GroundTruth truth = simulator.groundTruth();
      assertThat(truth.endpointChanges()).extracting(c -> c.worker() + " answering=" + c.answering())
          .containsExactly("backtest-worker-2 answering=false", "backtest-worker-2 answering=true");
      GroundTruth.StatusChange marked = truth.availabilityChanges().stream()
          .filter(c -> c.to().equals("temporarily_unavailable")).findFirst().orElseThrow();
      // Three failed health checks 10 s apart in model time: 30 s after the outage began, 0.5 s of wall time.
      assertThat(marked.modelTime()).isEqualTo(java.time.Instant.parse(truth.modelStart()).plusSeconds(150).toString());
    }
  }
}
