package io.ktrdr.observability.e2e.panels;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DirectQueryPathTest {
  private static final DirectQueryPath PATH =
      DirectQueryPath.of(URI.create("http://127.0.0.1:9090"), URI.create("http://127.0.0.1:16686"));
  private static final Instant TO = Instant.parse("2026-11-25T12:00:07Z");
  private static final QueryWindow LAST_HOUR =
      new QueryWindow(TO.minus(Duration.ofHours(1)), TO, 960, Duration.ofSeconds(1), Duration.ofSeconds(1));
  private static final PanelRef PANEL = new PanelRef("d", "D", "P", "A");

  @Test
  void rangeQueriesGoToQueryRangeWithTheAlignedRangeAndStep() {
    PrometheusPanelQuery query = new PrometheusPanelQuery(PANEL, "prometheus", "rate(x[$__rate_interval])", false, "time_series", null, LAST_HOUR);

    assertThat(PATH.prometheusRequest(query).toString()).isEqualTo(
        "http://127.0.0.1:9090/api/v1/query_range?query=rate%28x%5B6s%5D%29"
            + "&start=" + TO.minus(Duration.ofHours(1)).minusSeconds(2).getEpochSecond() + ".000"
            + "&end=" + TO.minusSeconds(2).getEpochSecond() + ".000&step=5.000");
  }

  @Test
  void instantQueriesAreEvaluatedAtTheEndOfTheRange() {
    PrometheusPanelQuery query = new PrometheusPanelQuery(PANEL, "prometheus", "increase(x[$__range])", true, "table", null, LAST_HOUR);

    assertThat(PATH.prometheusRequest(query).toString()).isEqualTo(
        "http://127.0.0.1:9090/api/v1/query?query=increase%28x%5B3600s%5D%29&time=" + TO.getEpochSecond() + ".000");
  }

  @Test
  void jaegerSearchesSendLogfmtTagsAsJsonAndTheRangeInMicroseconds() {
    JaegerPanelQuery query = new JaegerPanelQuery(PANEL, "jaeger", "search", "ktrdr-api", null, "error=true http.route=\"/a b\"", 100, null, LAST_HOUR);

    assertThat(PATH.jaegerRequest(query).toString()).isEqualTo(
        "http://127.0.0.1:16686/api/traces?service=ktrdr-api"
            + "&tags=%7B%22error%22%3A%22true%22%2C%22http.route%22%3A%22%2Fa+b%22%7D&limit=100"
            + "&start=" + TO.minus(Duration.ofHours(1)).getEpochSecond() + "000000&end=" + TO.getEpochSecond() + "000000");
  }

  @Test
  void aTraceIdQueryFetchesThatTrace() {
    JaegerPanelQuery query = new JaegerPanelQuery(PANEL, "jaeger", "", null, null, null, null, "abc123", LAST_HOUR);

    assertThat(PATH.jaegerRequest(query).toString()).isEqualTo("http://127.0.0.1:16686/api/traces/abc123");
  }
}
