package io.ktrdr.observability.e2e.panels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Values Grafana itself produces for the same inputs. */
class GrafanaIntervalsTest {
  @Test
  void intervalsRoundToGrafanasNiceSteps() {
    assertThat(GrafanaIntervals.round(Duration.ofMillis(22_500))).isEqualTo(Duration.ofSeconds(20));
    assertThat(GrafanaIntervals.round(Duration.ofMillis(312))).isEqualTo(Duration.ofMillis(200));
    assertThat(GrafanaIntervals.round(Duration.ofSeconds(400))).isEqualTo(Duration.ofMinutes(5));
    assertThat(GrafanaIntervals.round(Duration.ofSeconds(630))).isEqualTo(Duration.ofMinutes(15));
    assertThat(GrafanaIntervals.round(Duration.ofHours(2))).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void theIntervalNeverGoesBelowTheDatasourcesTimeInterval() {
    // Last 5 minutes on a 960-pixel panel: 312 ms rounds to 200 ms, raised to the 1 s scrape interval.
    assertThat(GrafanaIntervals.interval(Duration.ofMinutes(5), 960, Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1));
    // Last 6 hours on a 960-pixel panel: 22.5 s rounds to 20 s.
    assertThat(GrafanaIntervals.interval(Duration.ofHours(6), 960, Duration.ofSeconds(15))).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void rateIntervalIsTheLargerOfIntervalPlusScrapeAndFourScrapes() {
    assertThat(GrafanaIntervals.rateInterval(Duration.ofSeconds(15), Duration.ofSeconds(15))).isEqualTo(Duration.ofMinutes(1));
    assertThat(GrafanaIntervals.rateInterval(Duration.ofSeconds(20), Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(21));
    assertThat(GrafanaIntervals.rateInterval(Duration.ofSeconds(1), Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void theStepIsCoarsenedToAtMostElevenThousandPoints() {
    assertThat(GrafanaIntervals.step(Duration.ofDays(7), Duration.ofSeconds(1))).isEqualTo(Duration.ofMinutes(1));
    assertThat(GrafanaIntervals.step(Duration.ofHours(1), Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void intervalsAreWrittenAsGrafanaWritesThem() {
    assertThat(GrafanaIntervals.format(Duration.ofSeconds(20))).isEqualTo("20s");
    assertThat(GrafanaIntervals.format(Duration.ofSeconds(90))).isEqualTo("1m");
    assertThat(GrafanaIntervals.format(Duration.ofMillis(500))).isEqualTo("500ms");
    assertThat(GrafanaIntervals.format(Duration.ofDays(2))).isEqualTo("2d");
  }

  @Test
  void rateIntervalsAreWrittenAsGoDurations() {
    assertThat(GrafanaIntervals.goDuration(Duration.ofSeconds(4))).isEqualTo("4s");
    assertThat(GrafanaIntervals.goDuration(Duration.ofMinutes(1))).isEqualTo("1m0s");
    assertThat(GrafanaIntervals.goDuration(Duration.ofSeconds(75))).isEqualTo("1m15s");
    assertThat(GrafanaIntervals.goDuration(Duration.ofHours(1))).isEqualTo("1h0m0s");
    assertThat(GrafanaIntervals.goDuration(Duration.ofMillis(1_500))).isEqualTo("1.5s");
  }

  @Test
  void datasourceIntervalsAreRead() {
    assertThat(GrafanaIntervals.parse("15s")).isEqualTo(Duration.ofSeconds(15));
    assertThat(GrafanaIntervals.parse("1m")).isEqualTo(Duration.ofMinutes(1));
    assertThat(GrafanaIntervals.parse("500ms")).isEqualTo(Duration.ofMillis(500));
  }
}
