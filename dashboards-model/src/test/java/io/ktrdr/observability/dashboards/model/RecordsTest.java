package io.ktrdr.observability.dashboards.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ktrdr.observability.dashboards.json.DashboardJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordsTest {

  @Test
  void absentListStaysApartFromEmptyOne() {
    Dashboard dashboard =
        DashboardJson.read(
            "{\"panels\": [{\"type\": \"text\", \"id\": 1},"
                + " {\"type\": \"stat\", \"id\": 2, \"targets\": []}]}");

    Panel text = dashboard.panels().get(0);
    Panel stat = dashboard.panels().get(1);
    assertThat(text.targets()).isNull();
    assertThat(text.prometheusTargets()).isEmpty();
    assertThat(stat.targets()).isEmpty();
    assertThat(dashboard.variables()).isNull();
    assertThat(dashboard.variable("datasource")).isEmpty();
    assertThat(DashboardJson.read(DashboardJson.write(dashboard))).isEqualTo(dashboard);
  }

  @Test
  void componentsAreCopiedOnTheWayIn() {
    List<String> tags = new ArrayList<>(List.of("a"));
    DashboardLink link =
        new DashboardLink(
            DashboardLink.DASHBOARDS, "t", null, tags, null, null, null, null, null, null, Map.of());
    tags.add("b");

    assertThat(link.tags()).containsExactly("a");
    assertThatThrownBy(() -> link.tags().add("c")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void readValuesAreCheckedLikeBuiltOnes() {
    assertThatThrownBy(
            () ->
                new JaegerTarget(
                    null, null, JaegerTarget.SEARCH, "s", null, null, null, null, 0, null, null,
                    Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("limit must be positive: 0");
    assertThatThrownBy(() -> Dashboard.builder().graphTooltip(3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("graphTooltip must be 0 to 2: 3");
    assertThatThrownBy(() -> FieldDefaults.builder().decimals(-1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("decimals must not be negative: -1");
  }

  @Test
  void placingAPanelKeepsEverythingElse() {
    Panel panel = Panel.stat("s").target(PrometheusTarget.of("up")).size(6, 4).build();

    Panel placed = Dashboard.builder().panel(panel).build().panels().get(0);

    assertThat(placed.gridPos()).isEqualTo(new GridPos(0, 0, 6, 4));
    assertThat(placed.id()).isEqualTo(1);
    assertThat(placed.placed(null, null, null)).isEqualTo(panel);
  }
}
