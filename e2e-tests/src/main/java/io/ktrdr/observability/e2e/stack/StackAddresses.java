package io.ktrdr.observability.e2e.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;

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

  /** Picks seven distinct ports that are free on loopback now. */
  public static StackAddresses onFreePorts() {
    Set<Integer> taken = new HashSet<>();
    int[] ports = new int[7];
    for (int i = 0; i < ports.length; i++) {
      int port;
      do {
        port = freePort();
      } while (!taken.add(port));
      ports[i] = port;
    }
    return new StackAddresses(ports);
  }

  /** A port free on loopback now. */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + HOST, e);
    }
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
