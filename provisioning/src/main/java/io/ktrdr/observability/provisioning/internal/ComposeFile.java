package io.ktrdr.observability.provisioning.internal;

import static io.ktrdr.observability.provisioning.internal.YamlText.list;
import static io.ktrdr.observability.provisioning.internal.YamlText.map;

import io.ktrdr.observability.provisioning.ContainerImages;
import io.ktrdr.observability.provisioning.environment.ComposeSettings;
import io.ktrdr.observability.provisioning.environment.ComposeSettings.Component;
import io.ktrdr.observability.provisioning.environment.Environment;
import io.ktrdr.observability.provisioning.environment.ExternalTraceStorage;
import io.ktrdr.observability.provisioning.environment.GrafanaSettings;
import io.ktrdr.observability.provisioning.environment.JaegerSettings;
import io.ktrdr.observability.provisioning.environment.SecretSource;
import io.ktrdr.observability.provisioning.environment.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The compose file beside {@code monitoring/}: Grafana, Prometheus and Jaeger at pinned versions
 * with the generated configuration mounted, and optionally the workload simulator playing KTRDR.
 */
public final class ComposeFile {
  public static final String SIMULATOR_PROFILE = "simulator";
  /**
   * The one-shot service every other waits for: it refuses a missing, unreadable, empty or default
   * Grafana admin password ({@link GrafanaScripts#ADMIN_PASSWORD_CHECK}).
   */
  public static final String ADMIN_PASSWORD_CHECK_SERVICE = "grafana-password-check";
  /** The uid Grafana's image runs as: the check reads the secret as that user. */
  static final String GRAFANA_UID = "472";
  /** The simulator jar as the workload-simulator module builds it, relative to the project root. */
  public static final String SIMULATOR_JAR = "./workload-simulator/target/ktrdr-workload-simulator.jar";
  public static final String SIMULATOR_JAR_IN_CONTAINER = "/app/ktrdr-workload-simulator.jar";

  /** Where Docker mounts a service's secrets. */
  static final String DOCKER_SECRETS = "/run/secrets/";
  /** Where the operator puts secret files, beside the compose file. */
  public static final String SECRETS_DIR = "./secrets";

  static final int GRAFANA_PORT = 3000;
  static final int PROMETHEUS_PORT = 9090;
  static final int JAEGER_QUERY_PORT = 16686;
  public static final int JAEGER_OTLP_GRPC_PORT = 4317;
  public static final int JAEGER_OTLP_HTTP_PORT = 4318;
  static final int ALERTMANAGER_PORT = 9093;
  /** Jaeger's Badger files, in the container's /tmp. */
  public static final String JAEGER_DATA_VOLUME = "jaeger-data";
  static final String JAEGER_DATA_MOUNT = "/tmp";
  /** Jaeger v2's healthcheckv2 extension (its built-in all-in-one configuration). */
  static final int JAEGER_HEALTH_PORT = 13133;

  private ComposeFile() {}

  public static String render(Environment environment, String monitoringDir) {
    ComposeSettings compose = environment.compose()
        .orElseThrow(() -> new IllegalArgumentException("environment: " + environment.name() + " has no compose section"));
    boolean passwordCheck = checksAdminPassword(environment.grafana());
    Map<String, Object> services = map(
        ADMIN_PASSWORD_CHECK_SERVICE, passwordCheck ? adminPasswordCheck(environment, monitoringDir) : null,
        "grafana", grafana(environment, compose, monitoringDir),
        "prometheus", prometheus(environment, compose, monitoringDir),
        "jaeger", jaeger(environment, compose, monitoringDir),
        "alertmanager", environment.alerting().isPresent() ? alertmanager(environment, compose, monitoringDir) : null,
        SIMULATOR_PROFILE, compose.simulator() ? simulator(environment) : null);
    if (passwordCheck) {
      // Nothing starts, not only Grafana, while the admin password would fall back to the default.
      for (String service : List.of("grafana", "prometheus", "jaeger", "alertmanager")) {
        @SuppressWarnings("unchecked")
        Map<String, Object> definition = (Map<String, Object>) services.get(service);
        if (definition != null) {
          dependsOn(definition, ADMIN_PASSWORD_CHECK_SERVICE, "service_completed_successfully");
        }
      }
    }
    Map<String, Object> volumes = map("grafana-data", map(), "prometheus-data", map());
    if (environment.alerting().isPresent()) {
      volumes.put("alertmanager-data", map());
    }
    if (environment.jaeger().storage() == JaegerSettings.Storage.BADGER) {
      volumes.put(JAEGER_DATA_VOLUME, map());
    }
    Map<String, Object> secrets = new java.util.LinkedHashMap<>();
    adminPasswordSecret(environment.grafana()).ifPresent(name -> secrets.put(name, map("file", SECRETS_DIR + "/" + name)));
    for (String name : alertmanagerSecrets(environment)) {
      secrets.put(name, map("file", SECRETS_DIR + "/" + name));
    }
    for (String name : prometheusSecrets(environment)) {
      secrets.put(name, map("file", SECRETS_DIR + "/" + name));
    }
    for (String name : jaegerSecrets(environment)) {
      secrets.put(name, map("file", SECRETS_DIR + "/" + name));
    }
    for (String name : grafanaDatabaseSecrets(environment)) {
      secrets.put(name, map("file", SECRETS_DIR + "/" + name));
    }
    Map<String, Object> document = map(
        "services", services,
        "volumes", volumes,
        "secrets", secrets.isEmpty() ? null : secrets);
    return YamlText.render(GeneratedHeader.forEnvironment(environment.name(), compose.simulator()
        ? "Grafana, Prometheus and Jaeger (and, with --profile simulator, a simulated KTRDR)"
        : "Grafana, Prometheus and Jaeger"), document);
  }

  /** Whether the password comes from outside the file: then the compose file checks it before starting. */
  static boolean checksAdminPassword(GrafanaSettings grafana) {
    return !(grafana.adminPassword() instanceof SecretSource.Literal);
  }

  /** Runs the password check as Grafana's user, with Grafana's password variables and secret. */
  private static Map<String, Object> adminPasswordCheck(Environment environment, String monitoringDir) {
    Map<String, Object> variables = new TreeMap<>();
    grafanaEnvironment(environment.grafana()).forEach((name, value) -> {
      if (name.startsWith("GF_SECURITY_ADMIN_PASSWORD")) {
        variables.put(name, value);
      }
    });
    String script = "/usr/local/bin/" + GrafanaScripts.ADMIN_PASSWORD_CHECK;
    return map(
        "image", ContainerImages.GRAFANA,
        "user", GRAFANA_UID,
        "entrypoint", list("sh", script),
        "restart", "no",
        "environment", variables,
        "secrets", adminPasswordSecret(environment.grafana()).map(name -> (Object) list(name)).orElse(null),
        "volumes", list(monitoringDir + "/grafana/" + GrafanaScripts.ADMIN_PASSWORD_CHECK + ":" + script + ":ro"));
  }

  private static List<Object> grafanaSecrets(Environment environment) {
    List<Object> secrets = new ArrayList<>();
    adminPasswordSecret(environment.grafana()).ifPresent(secrets::add);
    secrets.addAll(grafanaDatabaseSecrets(environment));
    return secrets.isEmpty() ? null : secrets;
  }

  @SuppressWarnings("unchecked")
  private static void dependsOn(Map<String, Object> service, String dependency, String condition) {
    Map<String, Object> dependencies = (Map<String, Object>) service.get("depends_on");
    if (dependencies == null) {
      dependencies = new java.util.LinkedHashMap<>();
      service.put("depends_on", dependencies);
    }
    dependencies.put(dependency, map("condition", condition));
  }

  private static Map<String, Object> grafana(Environment environment, ComposeSettings compose, String monitoringDir) {
    return map(
        "image", ContainerImages.GRAFANA,
        "restart", "unless-stopped",
        "depends_on", map(
            "prometheus", map("condition", "service_healthy"),
            "jaeger", map("condition", "service_healthy")),
        "environment", grafanaEnvironment(environment.grafana()),
        "secrets", grafanaSecrets(environment),
        "ports", published(compose, Component.GRAFANA, GRAFANA_PORT),
        "volumes", list(
            monitoringDir + "/grafana/dashboards:" + GrafanaSettings.DEFAULT_DASHBOARDS_PATH + ":ro",
            monitoringDir + "/grafana/dashboards.yml:/etc/grafana/provisioning/dashboards/dashboards.yml:ro",
            monitoringDir + "/grafana/datasources.yml:/etc/grafana/provisioning/datasources/datasources.yml:ro",
            "grafana-data:/var/lib/grafana"),
        "healthcheck", healthcheck(list("CMD", "curl", "-fsS", "-o", "/dev/null",
            "http://localhost:" + GRAFANA_PORT + "/api/health")));
  }

  /**
   * The Docker secret holding Grafana's admin password, when the environment reads it from
   * {@value #DOCKER_SECRETS}: compose mounts {@code ./secrets/<name>} there.
   */
  static Optional<String> adminPasswordSecret(GrafanaSettings grafana) {
    if (grafana.adminPassword() instanceof SecretSource.SecretFile file
        && file.path().startsWith(DOCKER_SECRETS) && file.path().indexOf('/', DOCKER_SECRETS.length()) < 0
        && file.path().length() > DOCKER_SECRETS.length()) {
      return Optional.of(file.path().substring(DOCKER_SECRETS.length()));
    }
    return Optional.empty();
  }

  /** Grafana's settings as GF_ variables, sorted; offline: no update checks, usage reports or plugin installs. */
  static Map<String, Object> grafanaEnvironment(GrafanaSettings grafana) {
    Map<String, Object> variables = new TreeMap<>();
    variables.put("GF_SERVER_ROOT_URL", grafana.url().toString());
    variables.put("GF_SECURITY_ADMIN_USER", grafana.adminUser());
    SecretSource password = grafana.adminPassword();
    if (password instanceof SecretSource.Literal literal) {
      variables.put("GF_SECURITY_ADMIN_PASSWORD", literal.value());
    } else if (password instanceof SecretSource.EnvironmentVariable variable) {
      variables.put("GF_SECURITY_ADMIN_PASSWORD",
          "${" + variable.name() + ":?set " + variable.name() + " to the Grafana admin password}");
    } else if (password instanceof SecretSource.SecretFile file) {
      variables.put("GF_SECURITY_ADMIN_PASSWORD__FILE", file.path());
    }
    if ("https".equalsIgnoreCase(grafana.url().getScheme())) {
      // Users reach Grafana over TLS (the site's proxy): its session cookie must never travel over http.
      variables.put("GF_SECURITY_COOKIE_SECURE", "true");
    }
    variables.put("GF_AUTH_ANONYMOUS_ENABLED", String.valueOf(grafana.anonymousAccess().enabled()));
    if (grafana.anonymousAccess().enabled()) {
      variables.put("GF_AUTH_ANONYMOUS_ORG_ROLE", grafana.anonymousAccess().role().label());
    }
    grafana.database().ifPresent(database -> {
      // Shared by every replica; the password from its file (Grafana's image reads *__FILE variables).
      variables.put("GF_DATABASE_TYPE", "postgres");
      variables.put("GF_DATABASE_HOST", database.host());
      variables.put("GF_DATABASE_NAME", database.name());
      variables.put("GF_DATABASE_USER", database.user());
      variables.put("GF_DATABASE_PASSWORD__FILE", database.passwordFile());
      variables.put("GF_DATABASE_SSL_MODE", database.sslMode());
    });
    variables.put("GF_ANALYTICS_REPORTING_ENABLED", "false");
    variables.put("GF_ANALYTICS_CHECK_FOR_UPDATES", "false");
    variables.put("GF_ANALYTICS_CHECK_FOR_PLUGIN_UPDATES", "false");
    variables.put("GF_PLUGINS_PREINSTALL_DISABLED", "true");
    variables.put("GF_NEWS_NEWS_FEED_ENABLED", "false");
    return variables;
  }

  /** Grafana's database password file, mounted as a Docker secret. */
  static List<String> grafanaDatabaseSecrets(Environment environment) {
    return secretNames("grafana.database.passwordFile",
        environment.grafana().database().map(database -> database.passwordFile()));
  }

  /** The trace cluster's password file, mounted as a Docker secret. */
  static List<String> jaegerSecrets(Environment environment) {
    return secretNames("jaeger.external.passwordFile",
        environment.jaeger().external().flatMap(ExternalTraceStorage::passwordFile));
  }

  /** Names of Docker secrets for credential files that must be {@value #DOCKER_SECRETS}NAME. */
  private static List<String> secretNames(String field, java.util.Optional<String> file) {
    List<String> names = new ArrayList<>();
    file.ifPresent(path -> {
      String name = path.startsWith(DOCKER_SECRETS) ? path.substring(DOCKER_SECRETS.length()) : "";
      if (name.isEmpty() || name.contains("/")) {
        throw new io.ktrdr.observability.provisioning.GenerationException(field + ": the compose file mounts credential"
            + " files as Docker secrets: expected " + DOCKER_SECRETS + "NAME, got " + path);
      }
      names.add(name);
    });
    return names;
  }

  /** The remote-write password file, mounted as a Docker secret. */
  static List<String> prometheusSecrets(Environment environment) {
    List<String> names = new ArrayList<>();
    environment.prometheus().remoteWrite().flatMap(remote -> remote.passwordFile()).ifPresent(file -> {
      String name = file.startsWith(DOCKER_SECRETS) ? file.substring(DOCKER_SECRETS.length()) : "";
      if (name.isEmpty() || name.contains("/")) {
        throw new io.ktrdr.observability.provisioning.GenerationException("prometheus.remoteWrite.passwordFile: the"
            + " compose file mounts credential files as Docker secrets: expected " + DOCKER_SECRETS + "NAME, got " + file);
      }
      names.add(name);
    });
    return names;
  }

  private static Map<String, Object> prometheus(Environment environment, ComposeSettings compose, String monitoringDir) {
    List<String> secrets = prometheusSecrets(environment);
    return map(
        "image", ContainerImages.PROMETHEUS,
        "restart", "unless-stopped",
        "command", list(
            "--config.file=/etc/prometheus/prometheus.yml",
            "--storage.tsdb.path=/prometheus",
            // Retention is in prometheus.yml (storage.tsdb.retention.time): the flag is deprecated.
            "--web.enable-lifecycle"),
        "secrets", secrets.isEmpty() ? null : new ArrayList<Object>(secrets),
        "ports", published(compose, Component.PROMETHEUS, PROMETHEUS_PORT),
        "volumes", list(
            // The directory, not the file: rule files beside it are mounted too, and a regenerated
            // file shows through (a single-file mount keeps the replaced file).
            monitoringDir + "/prometheus:/etc/prometheus:ro",
            "prometheus-data:/prometheus"),
        "healthcheck", healthcheck(list("CMD", "wget", "-q", "-O", "/dev/null",
            "http://localhost:" + PROMETHEUS_PORT + "/-/ready")));
  }

  private static Map<String, Object> jaeger(Environment environment, ComposeSettings compose, String monitoringDir) {
    List<Object> ports = new ArrayList<>();
    List<Object> publishedPorts =
        published(compose, Component.JAEGER, JAEGER_QUERY_PORT, JAEGER_OTLP_GRPC_PORT, JAEGER_OTLP_HTTP_PORT);
    if (publishedPorts != null) {
      ports.addAll(publishedPorts);
    }
    // KTRDR's services on other hosts send spans here: on the internal address the environment names only.
    compose.otlpAddress().ifPresent(address -> {
      for (int port : new int[] {JAEGER_OTLP_GRPC_PORT, JAEGER_OTLP_HTTP_PORT}) {
        String mapping = address + ":" + port + ":" + port;
        if (!ports.contains(mapping)) {
          ports.add(mapping);
        }
      }
    });
    boolean badger = environment.jaeger().storage() == JaegerSettings.Storage.BADGER;
    List<Object> volumes = list(monitoringDir + "/jaeger:/etc/jaeger:ro");
    if (badger && !environment.jaeger().dataDirectory().startsWith(JAEGER_DATA_MOUNT + "/")) {
      throw new io.ktrdr.observability.provisioning.GenerationException("jaeger.dataDirectory: the compose file keeps"
          + " Badger's files on the volume " + JAEGER_DATA_VOLUME + " at " + JAEGER_DATA_MOUNT + ": expected a directory"
          + " under " + JAEGER_DATA_MOUNT + "/, got " + environment.jaeger().dataDirectory());
    }
    if (badger) {
      // The image declares /tmp a volume; a named volume there starts as the image's /tmp (writable by uid 10001).
      volumes.add(JAEGER_DATA_VOLUME + ":" + JAEGER_DATA_MOUNT);
    }
    List<String> secrets = jaegerSecrets(environment);
    return map(
        "image", ContainerImages.JAEGER,
        "restart", "unless-stopped",
        "command", list("--config=file:/etc/jaeger/config.yaml"),
        "secrets", secrets.isEmpty() ? null : new ArrayList<Object>(secrets),
        "ports", ports.isEmpty() ? null : ports,
        "volumes", volumes,
        "healthcheck", healthcheck(list("CMD", "wget", "-q", "-O", "/dev/null",
            "http://localhost:" + environment.jaeger().healthPort() + "/status")));
  }

  /**
   * Alertmanager with the generated configuration, its silences and notification log in a volume,
   * and the receivers' credential files as Docker secrets. A single instance: no cluster gossip.
   */
  private static Map<String, Object> alertmanager(Environment environment, ComposeSettings compose, String monitoringDir) {
    List<String> secrets = alertmanagerSecrets(environment);
    return map(
        "image", ContainerImages.ALERTMANAGER,
        "restart", "unless-stopped",
        "command", list(
            "--config.file=/etc/alertmanager/alertmanager.yml",
            "--storage.path=/alertmanager",
            "--cluster.listen-address="),
        "secrets", secrets.isEmpty() ? null : new ArrayList<Object>(secrets),
        "ports", published(compose, Component.ALERTMANAGER, ALERTMANAGER_PORT),
        "volumes", list(
            monitoringDir + "/alertmanager:/etc/alertmanager:ro",
            "alertmanager-data:/alertmanager"),
        "healthcheck", healthcheck(list("CMD", "wget", "-q", "-O", "/dev/null",
            "http://localhost:" + ALERTMANAGER_PORT + "/-/ready")));
  }

  /**
   * The Docker secrets Alertmanager's receivers read: each credential file under {@value #DOCKER_SECRETS}.
   *
   * @throws GenerationException naming a credential file elsewhere, which the compose file could not provide
   */
  static List<String> alertmanagerSecrets(Environment environment) {
    List<String> names = new ArrayList<>();
    environment.alerting().ifPresent(alerting -> {
      for (int i = 0; i < alerting.receivers().size(); i++) {
        for (String file : alerting.receivers().get(i).secretFiles()) {
          String name = file.startsWith(DOCKER_SECRETS) ? file.substring(DOCKER_SECRETS.length()) : "";
          if (name.isEmpty() || name.contains("/")) {
            throw new io.ktrdr.observability.provisioning.GenerationException("alerting.receivers[" + i
                + "]: the compose file mounts credential files as Docker secrets: expected " + DOCKER_SECRETS
                + "NAME, got " + file);
          }
          if (!names.contains(name)) {
            names.add(name);
          }
        }
      }
    });
    return names;
  }

  private static Map<String, Object> simulator(Environment environment) {
    List<Object> aliases = new ArrayList<>();
    for (Service service : environment.services()) {
      aliases.add(service.host());
    }
    List<Object> command = list("java", "-jar", SIMULATOR_JAR_IN_CONTAINER);
    command.addAll(SimulatorArguments.forEnvironment(environment));
    return map(
        "image", ContainerImages.JAVA_RUNTIME,
        "profiles", list(SIMULATOR_PROFILE),
        "depends_on", map("jaeger", map("condition", "service_healthy")),
        "command", command,
        "environment", map(
            "OTEL_EXPORTER_OTLP_ENDPOINT", environment.jaeger().otlpGrpcUrl().toString(),
            "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc"),
        "volumes", list(SIMULATOR_JAR + ":" + SIMULATOR_JAR_IN_CONTAINER + ":ro"),
        // Prometheus scrapes the simulator under KTRDR's own host names: one prometheus.yml for both.
        "networks", map("default", map("aliases", aliases)));
  }

  private static List<Object> published(ComposeSettings compose, Component component, int... ports) {
    if (!compose.publishes(component)) {
      return null;
    }
    List<Object> published = new ArrayList<>();
    for (int port : ports) {
      published.add(compose.publishAddress() + ":" + port + ":" + port);
    }
    return published;
  }

  private static Map<String, Object> healthcheck(List<Object> test) {
    return map("test", test, "interval", "10s", "timeout", "5s", "retries", 12, "start_period", "20s");
  }
}
