package io.ktrdr.observability.provisioning.environment;

import static java.util.Objects.requireNonNull;

import java.util.EnumSet;
import java.util.Set;

/**
 * The Docker Compose file generated for an environment, beside the {@code monitoring/} directory.
 *
 * @param file the compose file's name, e.g. {@code docker-compose.dev.yml}
 * @param simulator whether the file has the {@code simulator} service (compose profile {@code simulator})
 * @param publish the components whose ports are published on the same host ports
 */
public record ComposeSettings(String file, boolean simulator, Set<Component> publish) {

  /** The observability services of the compose file. */
  public enum Component {
    GRAFANA("grafana"),
    PROMETHEUS("prometheus"),
    JAEGER("jaeger");

    private final String label;

    Component(String label) {
      this.label = label;
    }

    /** The compose service name, also the value written in environment files. */
    public String label() {
      return label;
    }
  }

  public ComposeSettings {
    requireNonNull(file, "file");
    requireNonNull(publish, "publish");
    Checks.require("file", Checks.fileName(file));
    publish = publish.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(publish));
  }

  public boolean publishes(Component component) {
    return publish.contains(component);
  }
}
