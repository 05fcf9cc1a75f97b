package io.ktrdr.observability.e2e.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ktrdr.observability.dashboards.ktrdr.rules.AlertRule;
import io.ktrdr.observability.dashboards.ktrdr.rules.KtrdrAlertRules;
import io.ktrdr.observability.dashboards.ktrdr.rules.KtrdrRecordingRules;
import io.ktrdr.observability.dashboards.ktrdr.rules.RecordingRule;
import io.ktrdr.observability.e2e.harness.StackHandle;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The generated recording and alerting rules as the stack's Prometheus loads and evaluates them. */
@Order(1)
@ExtendWith(SharedStack.class)
class PrometheusRulesIT {
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static StackHandle stack;

  @BeforeAll
  static void steadyWorkload(StackHandle sharedStack) {
    stack = sharedStack;
    SharedStack.steady(stack);
  }

  private static JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
    URI uri = stack.prometheusUri().resolve(pathAndQuery);
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET %s: %s", uri, response.body()).isEqualTo(200);
    return new ObjectMapper().readTree(response.body()).path("data");
  }

  @Test
  void everyKtrdrRuleIsLoadedAndEvaluatesWithoutError() {
    List<String> expected = new ArrayList<>();
    KtrdrRecordingRules.all().stream().map(RecordingRule::record).forEach(expected::add);
    KtrdrAlertRules.all().stream().map(AlertRule::alert).forEach(expected::add);

    await().atMost(DEADLINE).pollInterval(Duration.ofMillis(500)).pollDelay(Duration.ZERO).untilAsserted(() -> {
      List<String> healthy = new ArrayList<>();
      List<String> all = new ArrayList<>();
      for (JsonNode group : get("/api/v1/rules").path("groups")) {
        for (JsonNode rule : group.path("rules")) {
          all.add(rule.path("name").asText() + " (" + rule.path("health").asText() + " "
              + rule.path("lastError").asText() + ")");
          if ("ok".equals(rule.path("health").asText())) {
            healthy.add(rule.path("name").asText());
          }
        }
      }
      assertThat(healthy).as("rules evaluated without error; all: %s", all).containsExactlyInAnyOrderElementsOf(expected);
    });
  }

  @Test
  void theRecordedHttpRateKeepsTheTargetLabelsTheDashboardsFilterBy() {
    String query = KtrdrRecordingRules.HTTP_REQUESTS_RATE.record();

    await().atMost(DEADLINE).pollInterval(Duration.ofMillis(500)).pollDelay(Duration.ZERO).untilAsserted(() -> {
      JsonNode result = get("/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)).path("result");
      assertThat(result).as("%s: %s", query, result).isNotEmpty();
      JsonNode labels = result.get(0).path("metric");
      assertThat(labels.path("job").asText()).isEqualTo("ktrdr-backend");
      assertThat(labels.path("service").asText()).isEqualTo("backend");
      assertThat(labels.path("environment").asText()).isNotEmpty();
      assertThat(labels.path("http_method").asText()).isNotEmpty();
      assertThat(labels.has("instance")).as("instance is aggregated away").isFalse();
    });
  }

  @Test
  void noServiceOrWorkerDownAlertWhileEveryServiceIsUp() throws Exception {
    await().atMost(DEADLINE).pollInterval(Duration.ofMillis(500)).pollDelay(Duration.ZERO).untilAsserted(() -> {
      JsonNode up = get("/api/v1/query?query=" + URLEncoder.encode("up{job=~\"ktrdr-.*\"} == 1", StandardCharsets.UTF_8))
          .path("result");
      assertThat(up).as("services up").hasSize(5);
    });
    // Alerts are what the last evaluation found, and Prometheus scrapes the targets before the
    // simulator answers there (up 0, a pending down alert): wait for an evaluation that saw them up.
    Instant allUp = Instant.now();
    await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200)).pollDelay(Duration.ZERO).untilAsserted(() -> {
      List<Instant> evaluations = new ArrayList<>();
      for (JsonNode group : get("/api/v1/rules?type=alert").path("groups")) {
        evaluations.add(java.time.OffsetDateTime.parse(group.path("lastEvaluation").asText()).toInstant());
      }
      assertThat(evaluations).as("last evaluations of the alerting groups, every service seen up at %s", allUp)
          .isNotEmpty().allSatisfy(at -> assertThat(at).isAfter(allUp));
    });

    List<String> downAlerts = new ArrayList<>();
    for (JsonNode alert : get("/api/v1/alerts").path("alerts")) {
      String name = alert.path("labels").path("alertname").asText();
      if (name.equals(KtrdrAlertRules.SERVICE_DOWN.alert()) || name.equals(KtrdrAlertRules.WORKER_DOWN.alert())) {
        downAlerts.add(name + " " + alert.path("labels"));
      }
    }
    assertThat(downAlerts).isEmpty();
  }
}
