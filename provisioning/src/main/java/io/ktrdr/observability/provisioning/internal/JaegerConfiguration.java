package io.ktrdr.observability.provisioning.internal;

import static io.ktrdr.observability.provisioning.internal.YamlText.list;
import static io.ktrdr.observability.provisioning.internal.YamlText.map;

import io.ktrdr.observability.provisioning.environment.Environment;
import io.ktrdr.observability.provisioning.environment.ExternalTraceStorage;
import io.ktrdr.observability.provisioning.environment.JaegerSettings;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * {@code jaeger/config.yaml}: Jaeger v2's all-in-one (OTLP receivers, storage, query API, health
 * check) with the environment's storage. The compose file mounts it; the native stack runs the
 * same file.
 */
public final class JaegerConfiguration {
  /** The storage backend's name in the file. */
  public static final String STORE = "ktrdr_traces";
  /** Every interface of the container: the compose file decides what is published where. */
  static final String ALL_INTERFACES = "0.0.0.0";
  /** Traces Jaeger keeps in memory before it drops the oldest. */
  static final int MEMORY_MAX_TRACES = 100_000;

  private JaegerConfiguration() {}

  public static String render(Environment environment) {
    JaegerSettings jaeger = environment.jaeger();
    String host = listenHost(jaeger.url());
    Map<String, Object> backend = switch (jaeger.storage()) {
      case MEMORY -> map("memory", map("max_traces", MEMORY_MAX_TRACES));
      case BADGER -> map("badger", map(
          "directories", map(
              "keys", jaeger.dataDirectory() + "/keys",
              "values", jaeger.dataDirectory() + "/values"),
          "ephemeral", false,
          // Go durations: hours, whatever unit the environment used.
          "ttl", map("spans", jaeger.retention().toDuration().toHours() + "h")));
      case ELASTICSEARCH, OPENSEARCH -> map(jaeger.storage().label(), external(jaeger.external().orElseThrow()));
    };
    Map<String, Object> document = map(
        "service", map(
            "extensions", list("jaeger_storage", "jaeger_query", "healthcheckv2"),
            "pipelines", map("traces", map(
                "receivers", list("otlp"),
                "processors", list("batch"),
                "exporters", list("jaeger_storage_exporter"))),
            "telemetry", map(
                "resource", map("service.name", "jaeger"),
                "metrics", map("level", "none"),
                "logs", map("level", "info"))),
        "extensions", map(
            "healthcheckv2", map("use_v2", true, "http", map("endpoint", host + ":" + jaeger.healthPort())),
            "jaeger_query", map(
                "storage", map("traces", STORE),
                "http", map("endpoint", host + ":" + port(jaeger.url())),
                "grpc", map("endpoint", host + ":" + jaeger.queryGrpcPort())),
            "jaeger_storage", map("backends", map(STORE, backend))),
        "receivers", map("otlp", map("protocols", map(
            "grpc", map("endpoint", listenHost(jaeger.otlpGrpcUrl()) + ":" + port(jaeger.otlpGrpcUrl())),
            "http", map("endpoint", listenHost(jaeger.otlpHttpUrl()) + ":" + port(jaeger.otlpHttpUrl()))))),
        "processors", map("batch", map()),
        "exporters", map("jaeger_storage_exporter", map("trace_storage", STORE)));
    List<String> header = GeneratedHeader.forEnvironment(environment.name(), "Jaeger configuration ("
        + jaeger.storage().label() + " storage"
        + (jaeger.storage() == JaegerSettings.Storage.BADGER ? ", spans kept " + jaeger.retention() : "") + ")");
    return YamlText.render(header, document);
  }

  /** An Elasticsearch or OpenSearch backend: the cluster, the index prefix, basic auth from a file. */
  private static Map<String, Object> external(ExternalTraceStorage external) {
    return map(
        "server_urls", list(external.url().toString()),
        "indices", map("index_prefix", ExternalTraceStorage.INDEX_PREFIX),
        "auth", external.username().map(user -> (Object) map("basic", map(
            "username", user, "password_file", external.passwordFile().orElseThrow()))).orElse(null));
  }

  /**
   * Where Jaeger listens for a URL the environment gives: that address when it is an IPv4 literal
   * (the native stack, on loopback), every interface of the container when it is a host name.
   */
  static String listenHost(URI url) {
    String host = url.getHost();
    return host.matches("[0-9]+(\\.[0-9]+){3}") ? host : ALL_INTERFACES;
  }

  private static int port(URI url) {
    return url.getPort() != -1 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
  }
}
