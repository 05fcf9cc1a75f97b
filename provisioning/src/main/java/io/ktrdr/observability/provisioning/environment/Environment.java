package io.ktrdr.observability.provisioning.environment;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Everything the generated monitoring configuration depends on, for one environment: the KTRDR
 * services Prometheus scrapes, and how Prometheus, Jaeger and Grafana run. Load one with
 * {@link EnvironmentFile#load}, derive a variant with {@link #toBuilder()}.
 *
 * @param name the {@code environment} target label, e.g. {@code dev}
 * @param services the backend and the workers, in the order the configuration lists them
 * @param compose the compose file to generate, if any
 * @param alerting the Alertmanager that receives Prometheus' alerts, if any
 */
public record Environment(
    String name,
    List<Service> services,
    PrometheusSettings prometheus,
    JaegerSettings jaeger,
    GrafanaSettings grafana,
    Optional<ComposeSettings> compose,
    Optional<AlertingSettings> alerting) {

  /** An environment without an Alertmanager. */
  public Environment(String name, List<Service> services, PrometheusSettings prometheus, JaegerSettings jaeger,
      GrafanaSettings grafana, Optional<ComposeSettings> compose) {
    this(name, services, prometheus, jaeger, grafana, compose, Optional.empty());
  }

  public Environment {
    requireNonNull(name, "name");
    services = List.copyOf(requireNonNull(services, "services"));
    requireNonNull(prometheus, "prometheus");
    requireNonNull(jaeger, "jaeger");
    requireNonNull(grafana, "grafana");
    requireNonNull(compose, "compose");
    requireNonNull(alerting, "alerting");
    Checks.require("name", Checks.name(name));
    List<Problem> problems = serviceProblems(services);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(problems.get(0).toString());
    }
  }

  /** A problem with one field, named by its path in the environment file, e.g. {@code services[2].port}. */
  record Problem(String field, String message) {
    @Override
    public String toString() {
      return field + ": " + message;
    }
  }

  /** Rules that span services: the loader reports all of them, with lines. */
  static List<Problem> serviceProblems(List<Service> services) {
    List<Problem> problems = new ArrayList<>();
    if (services.isEmpty()) {
      problems.add(new Problem("services", "expected at least one service"));
    }
    Map<String, Integer> names = new HashMap<>();
    Map<String, Integer> targets = new HashMap<>();
    Map<ServiceType, Service> firstOfType = new HashMap<>();
    for (int i = 0; i < services.size(); i++) {
      Service service = services.get(i);
      String at = "services[" + i + "]";
      Integer sameName = names.putIfAbsent(service.name(), i);
      if (sameName != null) {
        problems.add(new Problem(at + ".name", "duplicate service name " + Checks.quote(service.name())
            + ", already used by services[" + sameName + "]"));
      }
      Integer sameTarget = targets.putIfAbsent(service.target(), i);
      if (sameTarget != null) {
        problems.add(new Problem(at + ".port", "duplicate target " + Checks.quote(service.target())
            + ", already used by services[" + sameTarget + "]"));
      }
      Service first = firstOfType.putIfAbsent(service.type(), service);
      if (first != null && !first.metricsPath().equals(service.metricsPath())) {
        problems.add(new Problem(at + ".metricsPath", "every " + service.type().label()
            + " is scraped by job " + service.type().scrapeJob() + " with one metrics path, expected "
            + Checks.quote(first.metricsPath()) + ", got " + Checks.quote(service.metricsPath())));
      }
    }
    return problems;
  }

  /** The service with this name. */
  public Optional<Service> service(String serviceName) {
    return services.stream().filter(service -> service.name().equals(serviceName)).findFirst();
  }

  /** The services of one type, in order. */
  public List<Service> services(ServiceType type) {
    return services.stream().filter(service -> service.type() == type).toList();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().name(name).services(services).prometheus(prometheus).jaeger(jaeger).grafana(grafana)
        .compose(compose.orElse(null)).alerting(alerting.orElse(null));
  }

  /** Builds an {@link Environment}; everything but {@code compose} is required. */
  public static final class Builder {
    private String name;
    private List<Service> services = List.of();
    private PrometheusSettings prometheus;
    private JaegerSettings jaeger;
    private GrafanaSettings grafana;
    private ComposeSettings compose;
    private AlertingSettings alerting;

    private Builder() {}

    public Builder name(String name) {
      this.name = requireNonNull(name, "name");
      return this;
    }

    public Builder services(List<Service> services) {
      this.services = List.copyOf(requireNonNull(services, "services"));
      return this;
    }

    /**
     * Replaces the named service by a changed copy, e.g.
     * {@code .service("backend", s -> s.host("127.0.0.1").port(41234))}.
     *
     * @throws IllegalArgumentException when no service has that name
     */
    public Builder service(String serviceName, UnaryOperator<Service.Builder> change) {
      requireNonNull(serviceName, "serviceName");
      requireNonNull(change, "change");
      List<Service> changed = new ArrayList<>(services);
      for (int i = 0; i < changed.size(); i++) {
        if (changed.get(i).name().equals(serviceName)) {
          changed.set(i, change.apply(changed.get(i).toBuilder()).build());
          this.services = List.copyOf(changed);
          return this;
        }
      }
      throw new IllegalArgumentException("serviceName: no service named " + Checks.quote(serviceName));
    }

    public Builder prometheus(PrometheusSettings prometheus) {
      this.prometheus = requireNonNull(prometheus, "prometheus");
      return this;
    }

    public Builder jaeger(JaegerSettings jaeger) {
      this.jaeger = requireNonNull(jaeger, "jaeger");
      return this;
    }

    public Builder grafana(GrafanaSettings grafana) {
      this.grafana = requireNonNull(grafana, "grafana");
      return this;
    }

    /** The compose file to generate, or null for none. */
    public Builder compose(ComposeSettings compose) {
      this.compose = compose;
      return this;
    }

    /** The Alertmanager that receives Prometheus' alerts, or null for none. */
    public Builder alerting(AlertingSettings alerting) {
      this.alerting = alerting;
      return this;
    }

    public Environment build() {
      return new Environment(name, services, prometheus, jaeger, grafana, Optional.ofNullable(compose),
          Optional.ofNullable(alerting));
    }
  }
}
