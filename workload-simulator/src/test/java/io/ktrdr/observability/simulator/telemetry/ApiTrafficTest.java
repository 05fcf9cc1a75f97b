package io.ktrdr.observability.simulator.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.ktrdr.observability.simulator.model.OperationType;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ApiTrafficTest {

  @Test
  void everyOperationAScrapedServiceCountsStartsOnARouteOfTheContract() {
    for (OperationType type : OperationType.values()) {
      if (type.countedOn() == OperationType.CountedOn.UNSCRAPED) {
        assertThat(ApiTraffic.START_ROUTES).as(type.label()).doesNotContainKey(type);
        continue;
      }
      assertThat(ApiTraffic.START_ROUTES.get(type)).as(type.label()).contains(type.startPath());
      assertThat(ApiTraffic.isRoute(type.startPath())).as(type.label()).isTrue();
      assertThat(ApiTraffic.startedBy(type.startPath())).as(type.label()).hasValue(type);
    }
  }

  @Test
  void fuzzyAnalysesStartFromEitherOfTheirRoutes() {
    SplittableRandom random = new SplittableRandom(3);
    assertThat(Arrays.stream(new int[40]).mapToObj(i -> ApiTraffic.startRoute(OperationType.FUZZY_ANALYSIS, random).orElseThrow())
        .distinct()).containsExactlyInAnyOrder("/api/v1/fuzzy/data", "/api/v1/fuzzy/evaluate");
    assertThat(ApiTraffic.startRoute(OperationType.AGENT_DESIGN, random)).isEmpty();
  }

  @Test
  void pathsThatAreNoRouteCarryNoTarget() {
    assertThat(ApiTraffic.isRoute("/metrics/")).isFalse();
    assertThat(ApiTraffic.isRoute("/metrics")).isFalse();
    assertThat(ApiTraffic.isRoute("/api/v1/operations/op_123")).isFalse();
    assertThat(ApiTraffic.isRoute(null)).isFalse();
    assertThat(ApiTraffic.isRoute(ApiTraffic.OPERATION)).isTrue();
  }
}
