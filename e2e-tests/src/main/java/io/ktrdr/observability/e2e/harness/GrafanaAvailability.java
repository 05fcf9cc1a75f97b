package io.ktrdr.observability.e2e.harness;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Whether the stack the end-to-end tests get has a Grafana, and why: the compose mode always runs
 * one; the native mode only where {@value #HOME_VARIABLE} names an installed Grafana, since the Go
 * module proxy does not serve Grafana's module.
 */
public final class GrafanaAvailability {
  /** The environment variable naming an installed Grafana's home for the native stack: {@value}. */
  public static final String HOME_VARIABLE = "KTRDR_GRAFANA_HOME";

  /** What a Grafana home holds, as {@code native-stack/install.sh} checks it. */
  private static final List<String> HOME_ENTRIES = List.of("bin/grafana", "conf/defaults.ini", "public");

  private static final String HOW_TO_PROVIDE =
      "set " + HOME_VARIABLE + " to an installed Grafana's home (see native-stack/README.md)";

  /** Whether there is a Grafana, none, or a named one that is not there. */
  public enum State {
    PRESENT,
    ABSENT,
    MISCONFIGURED
  }

  private final State state;
  private final String reason;

  private GrafanaAvailability(State state, String reason) {
    this.state = state;
    this.reason = reason;
  }

  /**
   * The Grafana of the stack {@link StackModes} starts: compose where {@code forcedMode} says so or,
   * unforced, where a Docker engine is reachable; else native.
   *
   * @param forcedMode the value of {@code -De2e.stack}, empty when not forced
   * @param dockerAvailable asked only when the mode is not forced
   * @param environment the process environment, read for {@value #HOME_VARIABLE}
   */
  public static GrafanaAvailability ofChosenStack(
      String forcedMode, BooleanSupplier dockerAvailable, Map<String, String> environment) {
    requireNonNull(forcedMode, "forcedMode");
    requireNonNull(dockerAvailable, "dockerAvailable");
    requireNonNull(environment, "environment");
    String mode = StackModes.forcedMode(forcedMode);
    if (mode.equals("compose")) {
      return new GrafanaAvailability(State.PRESENT,
          "compose mode (-D" + StackModes.PROPERTY + "=compose): docker-compose.dev.yml runs Grafana");
    }
    if (mode.isEmpty() && dockerAvailable.getAsBoolean()) {
      return new GrafanaAvailability(State.PRESENT,
          "compose mode (a Docker engine is reachable): docker-compose.dev.yml runs Grafana");
    }
    String noHome = mode.isEmpty()
        ? "no Grafana on this machine: no Docker engine is reachable and " + HOME_VARIABLE + " is not set; "
            + "start Docker, or " + HOW_TO_PROVIDE
        : "no Grafana in the native stack (-D" + StackModes.PROPERTY + "=native): " + HOME_VARIABLE
            + " is not set; " + HOW_TO_PROVIDE;
    return ofHome(environment, noHome);
  }

  /**
   * The Grafana of a {@code NativeStack} a test starts itself, whatever the chosen mode.
   *
   * @param environment the process environment, read for {@value #HOME_VARIABLE}
   */
  public static GrafanaAvailability ofNativeStack(Map<String, String> environment) {
    requireNonNull(environment, "environment");
    return ofHome(environment,
        "no Grafana for the native stack: " + HOME_VARIABLE + " is not set (the Go module proxy does not serve"
            + " Grafana); " + HOW_TO_PROVIDE);
  }

  private static GrafanaAvailability ofHome(Map<String, String> environment, String noHome) {
    String value = environment.getOrDefault(HOME_VARIABLE, "");
    if (value.isBlank()) {
      return new GrafanaAvailability(State.ABSENT, noHome);
    }
    Path home = Path.of(value);
    for (String entry : HOME_ENTRIES) {
      if (!Files.exists(home.resolve(entry))) {
        return new GrafanaAvailability(State.MISCONFIGURED,
            HOME_VARIABLE + "=" + value + " is not a Grafana home: it has no " + entry + " (expected "
                + String.join(", ", HOME_ENTRIES) + "; see native-stack/README.md)");
      }
    }
    return new GrafanaAvailability(State.PRESENT, "native mode: the Grafana in " + HOME_VARIABLE + "=" + value);
  }

  public State state() {
    return state;
  }

  /** Which Grafana the tests get, or what is missing and how to provide it. */
  public String reason() {
    return reason;
  }

  @Override
  public String toString() {
    return "GrafanaAvailability{" + state + ": " + reason + "}";
  }
}
