package io.ktrdr.observability.provisioning.environment;

import static java.util.Objects.requireNonNull;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The Docker Compose file generated for an environment, beside the {@code monitoring/} directory.
 *
 * @param file the compose file's name, e.g. {@code docker-compose.dev.yml}
 * @param simulator whether the file has the {@code simulator} service (compose profile {@code simulator})
 * @param publish the components whose ports are published on the same host ports
 * @param publishAddress the host address those ports are published on; {@value #DEFAULT_PUBLISH_ADDRESS}
 *     (loopback) by default: a site's proxy or the developer's own browser reaches them there
 * @param otlpAddress the host address on which Jaeger's OTLP ports (4317 gRPC, 4318 HTTP) are
 *     published for KTRDR's services on other hosts, an internal interface; none by default
 */
public record ComposeSettings(
    String file, boolean simulator, Set<Component> publish, String publishAddress, Optional<String> otlpAddress) {

  public static final String DEFAULT_PUBLISH_ADDRESS = "127.0.0.1";

  /** The observability services of the compose file. */
  public enum Component {
    GRAFANA("grafana"),
    PROMETHEUS("prometheus"),
    JAEGER("jaeger"),
    ALERTMANAGER("alertmanager");

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
    requireNonNull(publishAddress, "publishAddress");
    requireNonNull(otlpAddress, "otlpAddress");
    Checks.require("publishAddress", Checks.ipv4Address(publishAddress));
    otlpAddress.ifPresent(address -> Checks.require("otlpAddress", Checks.ipv4Address(address)));
  }

  /** Published on loopback, no OTLP ports. */
  public ComposeSettings(String file, boolean simulator, Set<Component> publish) {
    this(file, simulator, publish, DEFAULT_PUBLISH_ADDRESS, Optional.empty());
  }

  /** Whether an address means every interface of the host. */
  public static boolean allInterfaces(String address) {
    return address.equals("0.0.0.0");
  }

  public boolean publishes(Component component) {
    return publish.contains(component);
  }
}
