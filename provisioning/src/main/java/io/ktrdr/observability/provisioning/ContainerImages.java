package io.ktrdr.observability.provisioning;

/**
 * The pinned container images of the generated compose file: the one place their versions live.
 * The native stack builds the same versions from Go modules, reading the tags from the compose file.
 */
public final class ContainerImages {
  public static final String GRAFANA = "grafana/grafana:13.2.3";
  public static final String PROMETHEUS = "prom/prometheus:v3.14.0";
  /** The newest Jaeger v2 release whose Go module the native stack can build (v2.13.0 = module v1.76.0). */
  public static final String JAEGER = "jaegertracing/jaeger:2.13.0";
  /** Prometheus' Alertmanager; the native stack builds it from module github.com/prometheus/alertmanager v0.35.0. */
  public static final String ALERTMANAGER = "prom/alertmanager:v0.35.0";
  /**
   * Runs the workload simulator's jar; Java 17 is the project's baseline. Temurin 17.0.18+8, the
   * January 2026 update: pinned to a release, raised with each quarterly Java update.
   */
  public static final String JAVA_RUNTIME = "eclipse-temurin:17.0.18_8-jre";

  private ContainerImages() {}
}
