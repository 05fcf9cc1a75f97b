package io.ktrdr.observability.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator as a process: SIGTERM flushes spans and exits within a few seconds. */
class ProcessShutdownTest {

  @Test
  void sigtermFlushesSpansAndExitsWithinSeconds(@TempDir Path dir) throws Exception {
    int[] ports = FreePorts.choose(6);
    try (LocalOtlpReceiver collector = LocalOtlpReceiver.start(FreePorts.choose())) {
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          // A JVM that lives for seconds, beside other tests: the lighter compiler and collector.
          "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
          "-cp", System.getProperty("java.class.path"),
          SimulatorCommand.class.getName(),
          "--host", "127.0.0.1", "--time-scale", "600", "--seed", "3",
          "--backend-port", String.valueOf(ports[0]), "--control-port", String.valueOf(ports[1]),
          "--worker-port", "backtest-worker-1=" + ports[2], "--worker-port", "backtest-worker-2=" + ports[3],
          "--worker-port", "training-worker-1=" + ports[4], "--worker-port", "training-worker-2=" + ports[5],
          "--otlp-endpoint", collector.endpoint(), "--otlp-protocol", "http/protobuf"));
      Path output = dir.resolve("out.txt");
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
      try {
        URI groundTruth = URI.create("http://127.0.0.1:" + ports[1] + "/ground-truth");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().untilAsserted(() ->
            assertThat(GroundTruth.fromJson(get(groundTruth)).operationsEnded()).isGreaterThan(10));
        await().atMost(Duration.ofSeconds(10)).until(() -> collector.spans() > 0);

        long stopAsked = System.nanoTime();
        process.destroy(); // SIGTERM

        assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("exited within 10 s of SIGTERM").isTrue();
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - stopAsked);
        assertThat(seconds).isLessThan(6);
        assertThat(process.exitValue()).isEqualTo(143);
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(printed).contains("backend :" + ports[0] + "/metrics/").contains("spans exported");
        // The final status line, printed after the flush, counts what reached the collector.
        String last = printed.lines().filter(l -> l.startsWith("model ")).reduce((a, b) -> b).orElseThrow();
        assertThat(last).contains("spans exported " + collector.spans() + ",");
      } finally {
        process.destroyForcibly();
      }
    }
  }

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private static String get(URI uri) throws Exception {
    return CLIENT.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }
}
