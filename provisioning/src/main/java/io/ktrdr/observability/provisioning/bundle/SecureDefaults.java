package io.ktrdr.observability.provisioning.bundle;

import static java.util.Objects.requireNonNull;

import io.ktrdr.observability.provisioning.environment.ComposeSettings;
import io.ktrdr.observability.provisioning.environment.Environment;
import io.ktrdr.observability.provisioning.environment.GrafanaRole;
import io.ktrdr.observability.provisioning.environment.GrafanaSettings;
import io.ktrdr.observability.provisioning.environment.SecretSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a shared environment such as pre-prod must not do, checked before its bundle is built: a
 * Grafana admin password written in the file (default or not), anonymous visitors above Viewer,
 * datasources or provisioned dashboards changeable from the UI, Prometheus or Jaeger on host ports
 * (but Jaeger's OTLP ports on the internal address {@code compose.otlpAddress}), any port on every
 * interface, or the simulator beside the real KTRDR.
 */
public final class SecureDefaults {
  /** Passwords that are somebody's default; refused even where a literal is otherwise allowed. */
  static final Set<String> DEFAULT_PASSWORDS = Set.of("admin", "password", "changeme", "grafana", "secret");

  private SecureDefaults() {}

  /** Each problem as {@code field: message}, the field named by its path in the environment file. */
  public static List<Problem> problems(Environment environment) {
    requireNonNull(environment, "environment");
    List<Problem> problems = new ArrayList<>();
    GrafanaSettings grafana = environment.grafana();
    if (grafana.adminPassword() instanceof SecretSource.Literal literal) {
      String kind = DEFAULT_PASSWORDS.contains(literal.value().toLowerCase(java.util.Locale.ROOT))
          ? "a default password" : "a password written in the file";
      problems.add(new Problem("grafana.adminPassword.value", kind + " is refused here; use {env: VARIABLE} or"
          + " {file: /run/secrets/NAME}"));
    }
    if (grafana.anonymousAccess().enabled() && grafana.anonymousAccess().role() != GrafanaRole.VIEWER) {
      problems.add(new Problem("grafana.anonymousAccess.role", "anonymous visitors get Viewer at most, got "
          + grafana.anonymousAccess().role().label()));
    }
    if (grafana.datasourcesEditable()) {
      problems.add(new Problem("grafana.datasourcesEditable", "expected false: datasources are provisioned,"
          + " not changed from the UI"));
    }
    if (grafana.allowUiUpdates()) {
      problems.add(new Problem("grafana.allowUiUpdates", "expected false: provisioned dashboards change in code,"
          + " not from the UI"));
    }
    if (environment.compose().isEmpty()) {
      problems.add(new Problem("compose", "missing; the bundle needs its compose file"));
    }
    environment.compose().ifPresent(compose -> {
      if (compose.simulator()) {
        problems.add(new Problem("compose.simulator", "expected false: the bundle watches the real KTRDR"));
      }
      if (ComposeSettings.allInterfaces(compose.publishAddress())) {
        problems.add(new Problem("compose.publishAddress", "expected the address the site's proxy reaches"
            + " Grafana on (127.0.0.1 by default), not every interface"));
      }
      compose.otlpAddress().filter(ComposeSettings::allInterfaces).ifPresent(address ->
          problems.add(new Problem("compose.otlpAddress", "expected an internal address of this host,"
              + " not every interface: OTLP has no authentication")));
      for (ComposeSettings.Component component : List.of(ComposeSettings.Component.PROMETHEUS,
          ComposeSettings.Component.JAEGER, ComposeSettings.Component.ALERTMANAGER)) {
        if (compose.publishes(component)) {
          problems.add(new Problem("compose.publish", component.label() + " must not be published on a host"
              + " port; Grafana reaches it inside the compose network"));
        }
      }
    });
    return List.copyOf(problems);
  }

  /**
   * Refuses the environment read from {@code file} (its YAML text {@code yaml}, for line numbers)
   * when it has any problem.
   *
   * @throws UnsafeEnvironmentException listing every problem with file, line and field
   */
  public static void check(Environment environment, String file, String yaml) {
    List<Problem> problems = problems(environment);
    if (!problems.isEmpty()) {
      List<String> located = new ArrayList<>();
      for (Problem problem : problems) {
        located.add(file + ":" + lineOf(yaml, problem.field()) + ": " + problem);
      }
      throw new UnsafeEnvironmentException(located);
    }
  }

  /**
   * The line of a dotted field in block YAML: each key searched below its parent's line, deeper
   * indented; the nearest parent found when a key is absent (a default was used).
   */
  static int lineOf(String yaml, String field) {
    List<String> lines = yaml.lines().toList();
    int found = 1;
    int from = 0;
    int indent = -1;
    for (String key : field.split("\\.")) {
      int at = -1;
      for (int i = from; i < lines.size(); i++) {
        String line = lines.get(i);
        int lineIndent = line.length() - line.stripLeading().length();
        if (line.isBlank() || line.stripLeading().startsWith("#")) {
          continue;
        }
        if (lineIndent <= indent) {
          break;
        }
        if (line.stripLeading().startsWith(key + ":")) {
          at = i;
          indent = lineIndent;
          break;
        }
      }
      if (at < 0) {
        return found;
      }
      found = at + 1;
      from = at + 1;
    }
    return found;
  }

  /** One refused setting. */
  public record Problem(String field, String message) {
    public Problem {
      requireNonNull(field, "field");
      requireNonNull(message, "message");
    }

    @Override
    public String toString() {
      return field + ": " + message;
    }
  }
}
