package io.ktrdr.observability.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Jaeger away, Jaeger back, and stopping: spans are counted, the run goes on, nothing hangs. */
class SpanExportFaultsTest {

  @Test
  void spansAreDroppedAndCountedWhileTheCollectorIsAwayAndExportResumesWhenItReturns() throws Exception {
    int collectorPort = FreePorts.choose();
    try (RunningSimulator simulator = Simulator.builder().host("127.0.0.1").anyFreePorts().scenario(TestScenarios.busy())
        .timeScale(600).otlp("http://127.0.0.1:" + collectorPort, "http/protobuf").build().start()) {

      await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
          assertThat(simulator.groundTruth().spans().dropped()).isPositive());
      assertThat(simulator.groundTruth().spans().exported()).isZero();
      assertThat(Exposition.scrape(simulator.backendMetricsUri()).familyNames()).contains("ktrdr_operations_active");

      try (LocalOtlpReceiver collector = LocalOtlpReceiver.start(collectorPort)) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
          assertThat(collector.spans()).isPositive();
          assertThat(simulator.groundTruth().spans().exported()).isEqualTo(collector.spans());
        });
      }
    }
  }

  @Test
  void closingEndsOpenWorkSpansAndFlushesThemQuickly() {
    InMemorySpanExporter spans = InMemorySpanExporter.create();
    // The in-memory exporter forgets its spans when shut down: keep them past close().
    SpanExporter keeping = new SpanExporter() {
      @Override
      public CompletableResultCode export(Collection<SpanData> batch) {
        return spans.export(batch);
      }

      @Override
      public CompletableResultCode flush() {
        return spans.flush();
      }

      @Override
      public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
      }
    };
    RunningSimulator simulator = Simulator.builder().host("127.0.0.1").anyFreePorts().scenario(TestScenarios.busyWithoutErrors())
        .timeScale(60).spanExporter(keeping).build().start();
    // A training handed over (its worker's server span exported) and still running: no work span yet.
    java.util.concurrent.atomic.AtomicReference<String> running = new java.util.concurrent.atomic.AtomicReference<>();
    await().atMost(Duration.ofSeconds(15)).until(() -> {
      List<SpanData> finished = spans.getFinishedSpanItems();
      finished.stream().filter(s -> s.getName().equals("POST /training/start")).map(SpanData::getTraceId)
          .filter(trace -> finished.stream().noneMatch(s -> s.getTraceId().equals(trace) && s.getName().startsWith("training.data")))
          .findFirst().ifPresent(running::set);
      return running.get() != null;
    });

    assertTimeoutPreemptively(Duration.ofSeconds(10), simulator::close);

    assertThat(spans.getFinishedSpanItems()).anyMatch(s -> s.getTraceId().equals(running.get())
        && java.util.Set.of("training.data_loading", "training.indicators", "training.fuzzy_computation").contains(s.getName())
        && "cancelled".equals(s.getAttributes().get(AttributeKey.stringKey("operation.status"))));
  }

  @Test
  void closingWhileTheCollectorIsUnreachableDoesNotHang() throws Exception {
    RunningSimulator simulator = Simulator.builder().host("127.0.0.1").anyFreePorts().scenario(TestScenarios.busy())
        .timeScale(600).otlp("http://127.0.0.1:" + FreePorts.choose(), "grpc").build().start();
    await().atMost(Duration.ofSeconds(10)).until(() -> simulator.groundTruth().operationsEnded() > 20);

    assertTimeoutPreemptively(Duration.ofSeconds(10), simulator::close);
  }
}
