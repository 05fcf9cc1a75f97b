package io.ktrdr.observability.provisioning.environment;

import static java.util.Objects.requireNonNull;

import java.net.URI;

/**
 * Jaeger (v2) as the environment runs it.
 *
 * @param url where Grafana reaches Jaeger's query API (port 16686 by default); the Jaeger datasource's URL
 * @param otlpGrpcUrl where services send spans over OTLP/gRPC (port 4317 by default)
 * @param otlpHttpUrl where services send spans over OTLP/HTTP (port 4318 by default)
 */
public record JaegerSettings(URI url, URI otlpGrpcUrl, URI otlpHttpUrl) {

  public JaegerSettings {
    requireNonNull(url, "url");
    requireNonNull(otlpGrpcUrl, "otlpGrpcUrl");
    requireNonNull(otlpHttpUrl, "otlpHttpUrl");
    Checks.require("url", Checks.url(url.toString()));
    Checks.require("otlpGrpcUrl", Checks.url(otlpGrpcUrl.toString()));
    Checks.require("otlpHttpUrl", Checks.url(otlpHttpUrl.toString()));
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().url(url).otlpGrpcUrl(otlpGrpcUrl).otlpHttpUrl(otlpHttpUrl);
  }

  /** Builds {@link JaegerSettings}; every field is required. */
  public static final class Builder {
    private URI url;
    private URI otlpGrpcUrl;
    private URI otlpHttpUrl;

    private Builder() {}

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
      return new JaegerSettings(url, otlpGrpcUrl, otlpHttpUrl);
    }
  }
}
