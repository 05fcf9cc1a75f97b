package io.ktrdr.observability.dashboards.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ktrdr.observability.dashboards.json.DashboardJson;
import org.junit.jupiter.api.Test;

class FieldOverrideTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void typedPropertiesAreWrittenAsGrafanaWritesThemInTheOrderSet() throws Exception {
    FieldOverride override =
        FieldOverride.byName("Up")
            .mappings(ValueMapping.values().map("1", "UP", "green").map("0", "DOWN", "red").build())
            .thresholds(Thresholds.absolute("red").step(1, "green").build())
            .colorMode("thresholds")
            .cellType("color-background")
            .build();

    assertThat(override.toJson())
        .isEqualTo(
            json(
                "{'matcher': {'id': 'byName', 'options': 'Up'}, 'properties': ["
                    + "{'id': 'mappings', 'value': [{'type': 'value', 'options': {"
                    + "'1': {'text': 'UP', 'color': 'green', 'index': 0},"
                    + " '0': {'text': 'DOWN', 'color': 'red', 'index': 1}}}]},"
                    + "{'id': 'thresholds', 'value': {'mode': 'absolute', 'steps': ["
                    + "{'color': 'red', 'value': null}, {'color': 'green', 'value': 1}]}},"
                    + "{'id': 'color', 'value': {'mode': 'thresholds'}},"
                    + "{'id': 'custom.cellOptions', 'value': {'type': 'color-background'}}]}"));
  }

  @Test
  void linksFixedColorAndCustomOptionsAreProperties() throws Exception {
    FieldOverride override =
        FieldOverride.byName("Trace ID")
            .links(DataLink.inNewTab("Open trace", "/explore?x=${__value.raw}"), DataLink.of("b", "/b"))
            .fixedColor("red")
            .custom("width", 120)
            .build();

    assertThat(override.properties())
        .extracting(FieldOverride.Property::id)
        .containsExactly("links", "color", "custom.width");
    assertThat(override.properties().get(0).value())
        .isEqualTo(
            json(
                "[{'title': 'Open trace', 'url': '/explore?x=${__value.raw}', 'targetBlank': true},"
                    + " {'title': 'b', 'url': '/b'}]"));
    assertThat(override.properties().get(1).value())
        .isEqualTo(json("{'mode': 'fixed', 'fixedColor': 'red'}"));
    assertThat(override.properties().get(2).value().intValue()).isEqualTo(120);
  }

  @Test
  void severalMappingsGoInOneProperty() {
    FieldOverride override =
        FieldOverride.byName("Failed")
            .mappings(
                ValueMapping.special(ValueMapping.Special.NULL, "no", "green"),
                ValueMapping.regex(".+", "failed", "red"))
            .build();

    assertThat(override.properties()).hasSize(1);
    assertThat(override.properties().get(0).value().size()).isEqualTo(2);
    assertThat(override.properties().get(0).value().get(1).get("type").asText()).isEqualTo("regex");
  }

  @Test
  void typedOverridesSurviveAWriteAndReadOfTheDashboard() {
    Dashboard dashboard =
        Dashboard.builder()
            .uid("u")
            .title("t")
            .panel(
                Panel.table("Workers")
                    .override(
                        FieldOverride.byName("Up")
                            .thresholds(Thresholds.percentage("red").step(50, "green").build())
                            .links(DataLink.of("a", "/a")))
                    .build())
            .build();

    String written = DashboardJson.write(dashboard);

    assertThat(DashboardJson.write(DashboardJson.read(written))).isEqualTo(written);
    FieldOverride read =
        DashboardJson.read(written).panel("Workers").orElseThrow().fieldConfig().overrides().get(0);
    FieldOverride built = dashboard.panel("Workers").orElseThrow().fieldConfig().overrides().get(0);
    assertThat(read.toJson()).isEqualTo(built.toJson());
  }

  @Test
  void nullArgumentsAreRefusedByName() {
    assertThatThrownBy(() -> FieldOverride.byName("x").thresholds(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("thresholds");
    assertThatThrownBy(() -> FieldOverride.byName("x").mappings((ValueMapping) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("mapping");
    assertThatThrownBy(() -> FieldOverride.byName("x").cellType(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("type");
  }

  private static JsonNode json(String singleQuoted) throws Exception {
    return MAPPER.readTree(singleQuoted.replace('\'', '"'));
  }
}
