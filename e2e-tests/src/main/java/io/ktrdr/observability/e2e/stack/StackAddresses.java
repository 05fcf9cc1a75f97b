package io.ktrdr.observability.e2e.stack;

import io.ktrdr.observability.simulator.FreePorts;
import java.net.URI;

/**
 * Where each server of a local stack listens: loopback, on ports free when the stack was created.
 * Handed to the {@link StackConfiguration} so generated configuration points at the right places.
 */
public final class StackAddresses {
  /** The address every server binds to. */
  public static final String HOST = "127.0.0.1";

  private final int grafanaPort;
  private final int prometheusPort;
  private final int jaegerQueryPort;
  private final int jaegerQueryGrpcPort;
  private final int jaegerHealthPort;
  private final int otlpGrpcPort;
  private final int otlpHttpPort;

  private StackAddresses(int[] ports) {
    this.grafanaPort = ports[0];
    this.prometheusPort = ports[1];
    this.jaegerQueryPort = ports[2];
    this.jaegerQueryGrpcPort = ports[3];
    this.jaegerHealthPort = ports[4];
    this.otlpGrpcPort = ports[5];
    this.otlpHttpPort = ports[6];
  }

  /**
   * The ports of the compose setup, for a stack a person opens in a browser: Grafana 3000,
   * Prometheus 9090, Jaeger query 16686 (gRPC 16685), Jaeger health 13133, OTLP 4317 and 4318.
   */
  public static StackAddresses usualPorts() {
    return new StackAddresses(new int[] {3000, 9090, 16686, 16685, 13133, 4317, 4318});
  }

  /**
   * Picks seven distinct ports free on loopback now, below the kernel's ephemeral range (see
   * {@link FreePorts}): while a server is down, a client reconnecting to it cannot be handed its
   * port as a source port and connect to itself.
   */
  public static StackAddresses onFreePorts() {
    return new StackAddresses(FreePorts.choose(7));
  }

  /** A port free on loopback now, below the ephemeral range. */
  static int freePort() {
    return FreePorts.choose();
  }

  public URI grafanaUri() {
    return http(grafanaPort);
  }

  public URI prometheusUri() {
    return http(prometheusPort);
  }

  /** Jaeger's query API and UI, e.g. {@code http://127.0.0.1:PORT}; {@code /api/services} lives here. */
  public URI jaegerQueryUri() {
    return http(jaegerQueryPort);
  }

  /** OTLP over gRPC, the endpoint KTRDR's services export spans to (4317 in the compose setup). */
  public URI otlpGrpcEndpoint() {
    return http(otlpGrpcPort);
  }

  /** OTLP over HTTP (4318 in the compose setup); traces are posted to {@code /v1/traces}. */
  public URI otlpHttpEndpoint() {
    return http(otlpHttpPort);
  }

  int grafanaPort() {
    return grafanaPort;
  }

  int prometheusPort() {
    return prometheusPort;
  }

  int jaegerQueryPort() {
    return jaegerQueryPort;
  }

  int jaegerQueryGrpcPort() {
    return jaegerQueryGrpcPort;
  }

  int jaegerHealthPort() {
    return jaegerHealthPort;
  }

  int otlpGrpcPort() {
    return otlpGrpcPort;
  }

  int otlpHttpPort() {
    return otlpHttpPort;
  }

  private static URI http(int port) {
    return URI.create("http://" + HOST + ":" + port);
  }

  @Override
  public String toString() {
    return "StackAddresses{grafana="
        + grafanaUri()
        + ", prometheus="
        + prometheusUri()
        + ", jaegerQuery="
        + jaegerQueryUri()
        + ", otlpGrpc="
        + otlpGrpcEndpoint()
        + ", otlpHttp="
        + otlpHttpEndpoint()
        + "}";
  }
}
