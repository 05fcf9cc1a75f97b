package io.ktrdr.observability.dashboards.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.dashboards.model.Panel;
import io.ktrdr.observability.dashboards.model.PrometheusTarget;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardJsonTest {

  static final String GOLDEN = "/golden/example-dashboard.json";

  @Test
  void exampleDashboardMatchesGoldenFileByteForByte() throws IOException {
    String written = DashboardJson.write(ExampleDashboard.build());

    assertThat(written).isEqualTo(resource(GOLDEN));
  }

  @Test
  void sameModelWritesSameBytesEveryTime() {
    String first = DashboardJson.write(ExampleDashboard.build());

    for (int i = 0; i < 5; i++) {
      assertThat(DashboardJson.write(ExampleDashboard.build())).isEqualTo(first);
    }
  }

  @Test
  void keysAreSortedIndentedByTwoSpacesAndTextEndsWithNewline() {
    Dashboard dashboard =
        Dashboard.bareBuilder()
            .uid("u")
            .title("t")
            .description("d")
            .panel(Panel.stat("s").target(PrometheusTarget.bareBuilder("up")).build())
            .build();

    String written = DashboardJson.write(dashboard);

    assertThat(written)
        .isEqualTo(
            "{\n"
                + "  \"description\": \"d\",\n"
                + "  \"panels\": [\n"
                + "    {\n"
                + "      \"fieldConfig\": {\n"
                + "        \"defaults\": {},\n"
                + "        \"overrides\": []\n"
                + "      },\n"
                + "      \"options\": {\n"
                + "        \"reduceOptions\": {\n"
                + "          \"calcs\": [\n"
                + "            \"lastNotNull\"\n"
                + "          ]\n"
                + "        }\n"
                + "      },\n"
                + "      \"targets\": [\n"
                + "        {\n"
                + "          \"expr\": \"up\",\n"
                + "          \"refId\": \"A\"\n"
                + "        }\n"
                + "      ],\n"
                + "      \"title\": \"s\",\n"
                + "      \"type\": \"stat\"\n"
                + "    }\n"
                + "  ],\n"
                + "  \"title\": \"t\",\n"
                + "  \"uid\": \"u\"\n"
                + "}\n");
  }

  @Test
  void openRowIsFollowedByItsPanelsAndCollapsedRowNestsThem() throws IOException {
    String written = DashboardJson.write(ExampleDashboard.build());
    var tree = io.ktrdr.observability.dashboards.internal.Json.MAPPER.readTree(written);

    assertThat(tree.get("panels")).extracting(panel -> panel.get("title").asText())
        .containsExactly("About", "Health", "Targets up", "Request rate", "Traces");
    assertThat(tree.get("panels").get(1).get("panels")).isEmpty();
    assertThat(tree.get("panels").get(4).get("panels")).hasSize(1);
    assertThat(tree.get("panels").get(4).get("panels").get(0).get("title").asText())
        .isEqualTo("Slow traces");
  }

  @Test
  void writingToPathCreatesDirectoriesAndWritesTheSameText(@TempDir Path directory)
      throws IOException {
    Path file = directory.resolve("nested/dir/example.json");

    DashboardJson.write(ExampleDashboard.build(), file);

    assertThat(Files.readString(file)).isEqualTo(DashboardJson.write(ExampleDashboard.build()));
    try (var listing = Files.list(file.getParent())) {
      assertThat(listing).containsExactly(file);
    }
  }

  static String resource(String name) throws IOException {
    try (InputStream in = DashboardJsonTest.class.getResourceAsStream(name)) {
      assertThat(in).as("test resource %s", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
