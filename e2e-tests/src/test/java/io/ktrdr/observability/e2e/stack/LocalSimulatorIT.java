package io.ktrdr.observability.e2e.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ktrdr.observability.provisioning.environment.PrometheusDuration;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The simulated KTRDR on free ports, scraped by the local Prometheus (every second, not the local
 * environment's 15 s, so that the first scrape comes soon) and traced into Jaeger.
 */
@Execution(ExecutionMode.CONCURRENT)
class LocalSimulatorIT {
  private static final HttpJson HTTP = HttpJson.anonymous();
  private static final ProvisionedConfiguration CONFIGURATION =
      ProvisionedConfiguration.local(Projects.root()).withServicesOnFreePorts()
          .withScrapeInterval(PrometheusDuration.parse("1s"));

  @RegisterExtension
  static final NativeStackExtension STACK =
      new NativeStackExtension(
          () ->
              NativeStack.builder()
                  .components(EnumSet.of(Component.PROMETHEUS, Component.JAEGER))
                  .configuration(CONFIGURATION));

  private static LocalSimulator simulator;

  @BeforeAll
  static void startSimulator() {
    simulator =
        LocalSimulator.start(
            Projects.root(), CONFIGURATION.environment(), STACK.stack(), List.of("--time-scale", "60"));
  }

  @AfterAll
  static void stopSimulator() {
    if (simulator != null) {
      simulator.close();
    }
  }

  @Test
  void prometheusFindsTheBackendAndTheFourWorkersUp() {
    URI query =
        STACK.stack().prometheusUri()
            .resolve("/api/v1/query?query=" + URLEncoder.encode("sum by (job) (up)", StandardCharsets.UTF_8));

    // The first scrape of each target comes within one scrape interval (1 s here; 15 s in the local environment).
    await()
        .atMost(Duration.ofSeconds(45))
        .untilAsserted(
            () ->
                assertThat(HTTP.get(query).path("data").path("result"))
                    .as("targets up per job, from %s", query)
                    .extracting(row -> row.path("metric").path("job").asText() + "=" + row.path("value").get(1).asText())
                    .containsExactlyInAnyOrder("ktrdr-backend=1", "ktrdr-workers=4"));
  }

  @Test
  void jaegerListsTheBackendAmongTheServicesThatSentSpans() {
    URI services = STACK.stack().jaegerQueryUri().resolve("/api/services");

    await()
        .atMost(Duration.ofSeconds(45))
        .untilAsserted(
            () ->
                assertThat(HTTP.get(services).path("data"))
                    .as("services listed by %s", services)
                    .extracting(JsonNode::asText)
                    .contains("ktrdr-api"));
  }
}
