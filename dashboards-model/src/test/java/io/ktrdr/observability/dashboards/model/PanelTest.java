package io.ktrdr.observability.dashboards.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ktrdr.observability.dashboards.model.PanelOptions.Reducer;
import io.ktrdr.observability.dashboards.model.StatPanelBuilder.ColorMode;
import io.ktrdr.observability.dashboards.model.StatPanelBuilder.GraphMode;
import java.util.List;
import org.junit.jupiter.api.Test;

class PanelTest {

  @Test
  void refIdsAreAssignedInOrderSkippingThoseGiven() {
    Panel panel =
        Panel.timeseries("t")
            .target(PrometheusTarget.of("up"))
            .target(PrometheusTarget.builder("up").refId("A"))
            .target(PrometheusTarget.of("up"))
            .build();

    assertThat(panel.targets()).extracting(Target::refId).containsExactly("B", "A", "C");
  }

  @Test
  void refIdsGoPastZ() {
    assertThat(PanelBuilder.refId(0)).isEqualTo("A");
    assertThat(PanelBuilder.refId(25)).isEqualTo("Z");
    assertThat(PanelBuilder.refId(26)).isEqualTo("AA");
    assertThat(PanelBuilder.refId(27)).isEqualTo("AB");
  }

  @Test
  void typedStatOptionsLandAtGrafanaPaths() {
    Panel panel =
        Panel.stat("s")
            .reduce(Reducer.MAX, Reducer.MEAN)
            .colorMode(ColorMode.BACKGROUND_SOLID)
            .graphMode(GraphMode.NONE)
            .build();

    assertThat(panel.option("reduceOptions.calcs").toString()).isEqualTo("[\"max\",\"mean\"]");
    assertThat(panel.option("colorMode").asText()).isEqualTo("background_solid");
    assertThat(panel.option("graphMode").asText()).isEqualTo("none");
  }

  @Test
  void genericOptionAndCustomReachAnyPath() {
    Panel panel =
        Panel.builder("marcusolsson-treemap-panel")
            .option("tiling.algorithm", "squarify")
            .custom("cellOptions.type", "color-background")
            .build();

    assertThat(panel.type()).isEqualTo("marcusolsson-treemap-panel");
    assertThat(panel.option("tiling.algorithm").asText()).isEqualTo("squarify");
    assertThat(panel.fieldConfig().defaults().custom().at("/cellOptions/type").asText())
        .isEqualTo("color-background");
  }

  @Test
  void optionPathThroughAValueIsRefused() {
    assertThatThrownBy(() -> Panel.stat("s").textMode(StatPanelBuilder.TextMode.VALUE).option("textMode.inner", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("path textMode.inner crosses a non-object value at textMode");
  }

  @Test
  void timeseriesDrawsThresholdsInTheStyleAsked() {
    Panel panel =
        Panel.timeseries("t")
            .thresholdsStyle(TimeseriesPanelBuilder.ThresholdsStyle.LINE_AND_AREA)
            .build();

    assertThat(panel.fieldConfig().defaults().custom().at("/thresholdsStyle/mode").asText())
        .isEqualTo("line+area");
  }

  @Test
  void widthOutsideTheGridIsRefused() {
    assertThatThrownBy(() -> Panel.stat("s").width(25))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("width must be 1 to 24: 25");
  }

  @Test
  void targetsAreFoundByDatasourceKind() {
    Panel panel =
        Panel.table("t")
            .datasource(DatasourceRef.jaeger("jaeger"))
            .target(JaegerTarget.search("ktrdr-api").operation("operations.create"))
            .target(PrometheusTarget.builder("up").datasource(DatasourceRef.prometheus("p")))
            .build();

    assertThat(panel.jaegerTargets()).extracting(JaegerTarget::operation)
        .containsExactly("operations.create");
    assertThat(panel.prometheusTargets()).extracting(PrometheusTarget::expr).containsExactly("up");
    assertThat(panel.datasourceOf(panel.jaegerTargets().get(0)))
        .isEqualTo(DatasourceRef.jaeger("jaeger"));
    assertThat(panel.datasourceOf(panel.prometheusTargets().get(0)))
        .isEqualTo(DatasourceRef.prometheus("p"));
  }

  @Test
  void builtPanelIsNotChangedByLaterBuilderCalls() {
    TablePanelBuilder builder = Panel.table("t").option("a", 1);
    Panel panel = builder.build();

    builder.option("a", 2).target(PrometheusTarget.of("up"));

    assertThat(panel.option("a").asInt()).isEqualTo(1);
    assertThat(panel.targets()).isEmpty();
  }

  @Test
  void rowsCannotNest() {
    assertThatThrownBy(() -> Panel.row("outer").panel(Panel.row("inner").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rows cannot nest: inner");
  }

  @Test
  void thresholdStepsMustRise() {
    assertThatThrownBy(() -> Thresholds.absolute("green").step(80, "orange").step(50, "red"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("threshold steps must rise: 50.0 after 80.0");
  }

  @Test
  void datasourceVariableNamesAreRecognisedInEverySyntax() {
    assertThat(List.of("${datasource}", "$datasource", "[[datasource]]", "${datasource:raw}"))
        .allSatisfy(
            uid ->
                assertThat(DatasourceRef.prometheus(uid).variableName()).isEqualTo("datasource"));
    assertThat(DatasourceRef.prometheus("prometheus").isVariable()).isFalse();
  }
}
