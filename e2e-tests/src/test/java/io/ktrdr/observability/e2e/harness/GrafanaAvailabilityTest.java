package io.ktrdr.observability.e2e.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.ktrdr.observability.e2e.harness.GrafanaAvailability.State;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GrafanaAvailabilityTest {
  private static final BooleanSupplier DOCKER = () -> true;
  private static final BooleanSupplier NO_DOCKER = () -> false;
  private static final BooleanSupplier NOT_TO_BE_ASKED = () -> {
    throw new AssertionError("asked for a Docker engine although the mode is forced");
  };

  @TempDir Path temp;

  @Test
  void whereDockerRunsTheComposeModeHasGrafana() {
    GrafanaAvailability grafana = GrafanaAvailability.ofChosenStack("", DOCKER, Map.of());

    assertThat(grafana.state()).isEqualTo(State.PRESENT);
    assertThat(grafana.reason()).isEqualTo("compose mode (a Docker engine is reachable): docker-compose.dev.yml runs Grafana");
  }

  @Test
  void aForcedComposeModeHasGrafanaWithoutAskingForDocker() {
    GrafanaAvailability grafana = GrafanaAvailability.ofChosenStack(" Compose ", NOT_TO_BE_ASKED, Map.of());

    assertThat(grafana.state()).isEqualTo(State.PRESENT);
    assertThat(grafana.reason()).isEqualTo("compose mode (-De2e.stack=compose): docker-compose.dev.yml runs Grafana");
  }

  @Test
  void withoutDockerAnInstalledGrafanaNamedByTheVariableIsUsed() throws IOException {
    Path home = grafanaHome();

    GrafanaAvailability grafana =
        GrafanaAvailability.ofChosenStack("", NO_DOCKER, Map.of("KTRDR_GRAFANA_HOME", home.toString()));

    assertThat(grafana.state()).isEqualTo(State.PRESENT);
    assertThat(grafana.reason()).isEqualTo("native mode: the Grafana in KTRDR_GRAFANA_HOME=" + home);
  }

  @Test
  void withoutDockerOrTheVariableThereIsNoGrafanaAndTheReasonSaysHowToProvideOne() {
    GrafanaAvailability grafana = GrafanaAvailability.ofChosenStack("", NO_DOCKER, Map.of("KTRDR_GRAFANA_HOME", " "));

    assertThat(grafana.state()).isEqualTo(State.ABSENT);
    assertThat(grafana.reason()).isEqualTo(
        "no Grafana on this machine: no Docker engine is reachable and KTRDR_GRAFANA_HOME is not set;"
            + " start Docker, or set KTRDR_GRAFANA_HOME to an installed Grafana's home (see native-stack/README.md)");
  }

  @Test
  void aForcedNativeModeHasNoGrafanaWithoutTheVariableEvenWhereDockerRuns() {
    GrafanaAvailability grafana = GrafanaAvailability.ofChosenStack("native", NOT_TO_BE_ASKED, Map.of());

    assertThat(grafana.state()).isEqualTo(State.ABSENT);
    assertThat(grafana.reason()).isEqualTo(
        "no Grafana in the native stack (-De2e.stack=native): KTRDR_GRAFANA_HOME is not set;"
            + " set KTRDR_GRAFANA_HOME to an installed Grafana's home (see native-stack/README.md)");
  }

  @Test
  void aNativeStackOfItsOwnHasGrafanaOnlyThroughTheVariable() throws IOException {
    assertThat(GrafanaAvailability.ofNativeStack(Map.of()).reason()).isEqualTo(
        "no Grafana for the native stack: KTRDR_GRAFANA_HOME is not set (the Go module proxy does not serve Grafana);"
            + " set KTRDR_GRAFANA_HOME to an installed Grafana's home (see native-stack/README.md)");
    assertThat(GrafanaAvailability.ofNativeStack(Map.of("KTRDR_GRAFANA_HOME", grafanaHome().toString())).state())
        .isEqualTo(State.PRESENT);
  }

  @Test
  void aVariableNamingNoGrafanaHomeIsAMisconfigurationNamingWhatIsMissing() throws IOException {
    Path home = grafanaHome();
    Files.delete(home.resolve("conf/defaults.ini"));

    GrafanaAvailability grafana =
        GrafanaAvailability.ofChosenStack("", NO_DOCKER, Map.of("KTRDR_GRAFANA_HOME", home.toString()));

    assertThat(grafana.state()).isEqualTo(State.MISCONFIGURED);
    assertThat(grafana.reason()).isEqualTo("KTRDR_GRAFANA_HOME=" + home + " is not a Grafana home: it has no"
        + " conf/defaults.ini (expected bin/grafana, conf/defaults.ini, public; see native-stack/README.md)");
  }

  @Test
  void anUnknownForcedModeIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> GrafanaAvailability.ofChosenStack("kubernetes", DOCKER, Map.of()))
        .withMessage("-De2e.stack must be native or compose, not: kubernetes");
  }

  private Path grafanaHome() throws IOException {
    Path home = temp.resolve("grafana");
    Files.createDirectories(home.resolve("bin"));
    Files.createFile(home.resolve("bin/grafana"));
    Files.createDirectories(home.resolve("conf"));
    Files.createFile(home.resolve("conf/defaults.ini"));
    Files.createDirectories(home.resolve("public"));
    return home;
  }
}
