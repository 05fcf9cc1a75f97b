package io.ktrdr.observability.e2e.panels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QueryWindowTest {
  private static final Instant TO = Instant.parse("2026-11-25T12:00:07.250Z");

  private static QueryWindow lastHours(int hours, Duration scrape) {
    return new QueryWindow(TO.minus(Duration.ofHours(hours)), TO, 960, scrape, scrape);
  }

  @Test
  void builtInsAreSubstitutedAsGrafanasBackendDoes() {
    QueryWindow window = lastHours(6, Duration.ofSeconds(15));

    assertThat(window.withBuiltIns("increase(x[$__range]) rate(x[$__rate_interval]) avg_over_time(x[$__interval]) $__range_s"))
        .isEqualTo("increase(x[21600s]) rate(x[1m0s]) avg_over_time(x[20s]) 21600");
  }

  @Test
  void aShortScrapeIntervalGivesAShortRateInterval() {
    assertThat(lastHours(6, Duration.ofSeconds(1)).withBuiltIns("[$__rate_interval]")).isEqualTo("[21s]");
  }

  @Test
  void rangeQueriesAreAlignedToTheirStep() {
    QueryWindow window = lastHours(6, Duration.ofSeconds(15));

    assertThat(window.step()).isEqualTo(Duration.ofSeconds(20));
    assertThat(window.alignedEnd()).isEqualTo(Instant.parse("2026-11-25T12:00:00Z"));
    assertThat(window.alignedStart()).isEqualTo(Instant.parse("2026-11-25T06:00:00Z"));
  }
}
