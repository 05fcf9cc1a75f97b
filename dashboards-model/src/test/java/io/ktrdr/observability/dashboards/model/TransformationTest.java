package io.ktrdr.observability.dashboards.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransformationTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void organizeTakesFieldNamesWholeDotsIncluded() throws Exception {
    Transformation organize =
        Transformation.organize()
            .excludeByName("Time")
            .indexByName("http.status_code", 0)
            .renameByName("http.status_code", "Status")
            .renameByName("Value #A", "Requests")
            .build();

    assertThat(organize.toJson())
        .isEqualTo(
            json(
                "{'id': 'organize', 'options': {'excludeByName': {'Time': true},"
                    + " 'indexByName': {'http.status_code': 0},"
                    + " 'renameByName': {'http.status_code': 'Status', 'Value #A': 'Requests'}}}"));
  }

  @Test
  void optionKeysGivenAsAListAreTakenWhole() {
    Transformation transformation =
        Transformation.of("renameByRegex")
            .option(List.of("renamePattern", "a.b"), "c")
            .option("nested.path", 1)
            .build();

    assertThat(transformation.options().get("renamePattern").get("a.b").asText()).isEqualTo("c");
    assertThat(transformation.options().at("/nested/path").asInt()).isEqualTo(1);
  }

  @Test
  void filterByRefIdAppliesTheTransformationToOneQuery() throws Exception {
    Transformation transformation =
        Transformation.organize().filterByRefId("B").renameByName("Trace name", "Failed").build();

    assertThat(transformation.filter()).isEqualTo(json("{'id': 'byRefId', 'options': 'B'}"));
    assertThat(transformation.toJson())
        .isEqualTo(
            json(
                "{'id': 'organize', 'filter': {'id': 'byRefId', 'options': 'B'},"
                    + " 'options': {'renameByName': {'Trace name': 'Failed'}}}"));
  }

  @Test
  void withoutFilterEveryFrameIsTransformed() {
    assertThat(Transformation.merge().filter()).isNull();
    assertThat(Transformation.merge().toJson().has("filter")).isFalse();
  }

  @Test
  void badOptionPathsAreRefused() {
    assertThatThrownBy(() -> Transformation.organize().option(List.of("renameByName", ""), "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("empty segment in path: renameByName.");
    assertThatThrownBy(() -> Transformation.organize().option(List.of(), "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("empty path");
    assertThatThrownBy(() -> Transformation.organize().indexByName("a", -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("index must not be negative: -1");
  }

  private static JsonNode json(String singleQuoted) throws Exception {
    return MAPPER.readTree(singleQuoted.replace('\'', '"'));
  }
}
