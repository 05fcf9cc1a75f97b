package io.ktrdr.observability.e2e.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ktrdr.observability.provisioning.environment.PrometheusDuration;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Prometheus and Jaeger, built from their Go modules, running as local processes with the
 * configuration the provisioning module generates for the {@code local} environment, scraping
 * every second instead of its 15 s: a target's first scrape comes at some point within one
 * interval of the start (Prometheus spreads them), so the test need not wait up to 15 s for it.
 */
@Execution(ExecutionMode.CONCURRENT)
class NativeStackIT {
  private static final HttpJson HTTP = HttpJson.anonymous();

  @RegisterExtension
  static final NativeStackExtension STACK =
      new NativeStackExtension(
          () ->
              NativeStack.builder()
                  .components(EnumSet.of(Component.PROMETHEUS, Component.JAEGER))
                  .configuration(ProvisionedConfiguration.local(Projects.root())
                      .withScrapeInterval(PrometheusDuration.parse("1s"))));

  @Test
  void prometheusScrapesTheTargetsOfTheLocalEnvironment() {
    URI targets = STACK.stack().prometheusUri().resolve("/api/v1/targets");

    // Prometheus hands discovered targets to its scrape manager shortly after start.
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(HTTP.get(targets).path("data").path("activeTargets"))
                    .extracting(target -> target.path("labels").path("job").asText() + " " + target.path("scrapeUrl").asText())
                    .containsExactlyInAnyOrder(
                        "ktrdr-backend http://127.0.0.1:8000/metrics/",
                        "ktrdr-workers http://127.0.0.1:5003/metrics",
                        "ktrdr-workers http://127.0.0.1:5004/metrics",
                        "ktrdr-workers http://127.0.0.1:5005/metrics",
                        "ktrdr-workers http://127.0.0.1:5006/metrics"));
  }

  @Test
  void prometheusAnswersAQueryWithTheResultOfItsScrapes() {
    URI query = STACK.stack().prometheusUri().resolve("/api/v1/query?query=" + encode("count(up{job=~\"ktrdr-.*\"})"));

    // The first scrape of each target comes within one scrape interval of its discovery.
    await()
        .atMost(Duration.ofSeconds(40))
        .untilAsserted(
            () -> {
              JsonNode result = HTTP.get(query).path("data").path("result");
              assertThat(result).as("result of %s", query).hasSize(1);
              assertThat(result.get(0).path("value").get(1).asText()).isEqualTo("5");
            });
  }

  @Test
  void prometheusRunsTheVersionTheInstallPinned() {
    JsonNode buildInfo = HTTP.get(STACK.stack().prometheusUri().resolve("/api/v1/status/buildinfo"));

    assertThat(buildInfo.path("data").path("version").asText()).matches("3\\.\\d+\\.\\d+");
  }

  @Test
  void jaegerListsAServiceAfterASpanIsSentOverOtlp() {
    String service = "probe-" + Long.toHexString(ThreadLocalRandom.current().nextLong());

    HTTP.post(STACK.stack().otlpHttpEndpoint().resolve("/v1/traces"), OtlpJson.oneSpan(service, "probe.operation"));

    URI services = STACK.stack().jaegerQueryUri().resolve("/api/services");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(HTTP.get(services).path("data"))
                    .as("services listed by %s", services)
                    .extracting(JsonNode::asText)
                    .contains(service));
  }

  @Test
  void eachServerKeepsItsLogInTheRunDirectory() {
    for (Component component : STACK.stack().components()) {
      Path log = STACK.stack().logFile(component);

      assertThat(log).startsWith(STACK.stack().runDirectory()).isNotEmptyFile();
    }
  }

  @Test
  void everyServerListensOnLoopbackOnly() {
    assertThat(STACK.stack().prometheusUri().getHost()).isEqualTo("127.0.0.1");
    assertThat(STACK.stack().jaegerQueryUri().getHost()).isEqualTo("127.0.0.1");
    assertThat(STACK.stack().otlpGrpcEndpoint().getHost()).isEqualTo("127.0.0.1");
    assertThat(STACK.stack().otlpHttpEndpoint().getHost()).isEqualTo("127.0.0.1");
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
