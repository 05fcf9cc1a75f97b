package io.ktrdr.observability.provisioning.environment;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.Optional;

/**
 * Jaeger (v2) as the environment runs it.
 *
 * @param url where Grafana reaches Jaeger's query API (port 16686 by default); the Jaeger datasource's URL
 * @param otlpGrpcUrl where services send spans over OTLP/gRPC (port 4317 by default)
 * @param otlpHttpUrl where services send spans over OTLP/HTTP (port 4318 by default)
 * @param storage where Jaeger keeps traces: {@link Storage#MEMORY} (lost at a restart, the default)
 *     or {@link Storage#BADGER} (its embedded database, on disk)
 * @param retention how long Badger keeps spans (its TTL); {@value #DEFAULT_RETENTION} by default
 * @param dataDirectory Badger's directory ({@value #DEFAULT_DATA_DIRECTORY} by default: in the
 *     container, on the {@code jaeger-data} volume)
 * @param healthPort the port of Jaeger's health check ({@value #DEFAULT_HEALTH_PORT} by default)
 * @param queryGrpcPort the port of Jaeger's gRPC query API ({@value #DEFAULT_QUERY_GRPC_PORT} by default)
 * @param external the cluster of {@link Storage#ELASTICSEARCH} or {@link Storage#OPENSEARCH} storage;
 *     present exactly for those
 */
public record JaegerSettings(
    URI url, URI otlpGrpcUrl, URI otlpHttpUrl, Storage storage, PrometheusDuration retention, String dataDirectory,
    int healthPort, int queryGrpcPort, Optional<ExternalTraceStorage> external) {

  public static final String DEFAULT_RETENTION = "7d";
  /** Under the image's /tmp, which the image declares a volume and leaves writable by Jaeger's uid (10001). */
  public static final String DEFAULT_DATA_DIRECTORY = "/tmp/jaeger";
  public static final int DEFAULT_HEALTH_PORT = 13133;
  public static final int DEFAULT_QUERY_GRPC_PORT = 16685;

  /** Where Jaeger keeps traces. */
  public enum Storage {
    MEMORY("memory"),
    BADGER("badger"),
    ELASTICSEARCH("elasticsearch"),
    OPENSEARCH("opensearch");

    private final String label;

    Storage(String label) {
      this.label = label;
    }

    /** The value written in environment files. */
    public String label() {
      return label;
    }

    /** Whether traces live in a cluster outside the bundle. */
    public boolean external() {
      return this == ELASTICSEARCH || this == OPENSEARCH;
    }
  }

  /** Without an external cluster. */
  public JaegerSettings(URI url, URI otlpGrpcUrl, URI otlpHttpUrl, Storage storage, PrometheusDuration retention,
      String dataDirectory, int healthPort, int queryGrpcPort) {
    this(url, otlpGrpcUrl, otlpHttpUrl, storage, retention, dataDirectory, healthPort, queryGrpcPort, Optional.empty());
  }

  /** Memory storage, on the usual health and gRPC query ports. */
  public JaegerSettings(URI url, URI otlpGrpcUrl, URI otlpHttpUrl) {
    this(url, otlpGrpcUrl, otlpHttpUrl, Storage.MEMORY, PrometheusDuration.parse(DEFAULT_RETENTION),
        DEFAULT_DATA_DIRECTORY, DEFAULT_HEALTH_PORT, DEFAULT_QUERY_GRPC_PORT);
  }

  public JaegerSettings {
    requireNonNull(url, "url");
    requireNonNull(otlpGrpcUrl, "otlpGrpcUrl");
    requireNonNull(otlpHttpUrl, "otlpHttpUrl");
    Checks.require("url", Checks.url(url.toString()));
    Checks.require("otlpGrpcUrl", Checks.url(otlpGrpcUrl.toString()));
    Checks.require("otlpHttpUrl", Checks.url(otlpHttpUrl.toString()));
    requireNonNull(storage, "storage");
    requireNonNull(retention, "retention");
    requireNonNull(dataDirectory, "dataDirectory");
    Checks.require("dataDirectory", Checks.absolutePath(dataDirectory));
    Checks.require("healthPort", Checks.port(healthPort));
    Checks.require("queryGrpcPort", Checks.port(queryGrpcPort));
    requireNonNull(external, "external");
    if (storage.external() && external.isEmpty()) {
      throw new IllegalArgumentException("external: missing; storage " + storage.label() + " needs the cluster's url");
    }
    if (!storage.external() && external.isPresent()) {
      throw new IllegalArgumentException("external: only for storage elasticsearch or opensearch, not " + storage.label());
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().url(url).otlpGrpcUrl(otlpGrpcUrl).otlpHttpUrl(otlpHttpUrl).storage(storage)
        .retention(retention).dataDirectory(dataDirectory).healthPort(healthPort).queryGrpcPort(queryGrpcPort)
        .external(external.orElse(null));
  }

  /** Builds {@link JaegerSettings}; every field is required. */
  public static final class Builder {
    private URI url;
    private URI otlpGrpcUrl;
    private URI otlpHttpUrl;
    private Storage storage = Storage.MEMORY;
    private PrometheusDuration retention = PrometheusDuration.parse(DEFAULT_RETENTION);
    private String dataDirectory = DEFAULT_DATA_DIRECTORY;
    private int healthPort = DEFAULT_HEALTH_PORT;
    private int queryGrpcPort = DEFAULT_QUERY_GRPC_PORT;
    private ExternalTraceStorage external;

    private Builder() {}

    /** The Elasticsearch or OpenSearch cluster, or null for none. */
    public Builder external(ExternalTraceStorage external) {
      this.external = external;
      return this;
    }

    public Builder storage(Storage storage) {
      this.storage = requireNonNull(storage, "storage");
      return this;
    }

    public Builder retention(PrometheusDuration retention) {
      this.retention = requireNonNull(retention, "retention");
      return this;
    }

    public Builder dataDirectory(String dataDirectory) {
      this.dataDirectory = requireNonNull(dataDirectory, "dataDirectory");
      return this;
    }

    public Builder healthPort(int healthPort) {
      this.healthPort = healthPort;
      return this;
    }

    public Builder queryGrpcPort(int queryGrpcPort) {
      this.queryGrpcPort = queryGrpcPort;
      return this;
    }

    public Builder url(URI url) {
      this.url = requireNonNull(url, "url");
      return this;
    }

    public Builder otlpGrpcUrl(URI otlpGrpcUrl) {
      this.otlpGrpcUrl = requireNonNull(otlpGrpcUrl, "otlpGrpcUrl");
      return this;
    }

    public Builder otlpHttpUrl(URI otlpHttpUrl) {
      this.otlpHttpUrl = requireNonNull(otlpHttpUrl, "otlpHttpUrl");
      return this;
    }

    public JaegerSettings build() {
      return new JaegerSettings(url, otlpGrpcUrl, otlpHttpUrl, storage, retention, dataDirectory, healthPort,
          queryGrpcPort, Optional.ofNullable(external));
    }
  }
}
