package io.ktrdr.observability.simulator.telemetry;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.LongUpDownCounter;
import io.opentelemetry.api.metrics.Meter;

/**
 * The HTTP server metrics of KTRDR's FastAPI instrumentation, older semantic conventions: named
 * and unitted so that the Prometheus exporter writes {@code http_server_duration_milliseconds},
 * {@code http_server_active_requests}, {@code http_server_request_size_bytes} and
 * {@code http_server_response_size_bytes}, with the SDK's default buckets, which are Python's,
 * and the descriptions of opentelemetry-instrumentation-asgi 0.59b0 (measured).
 */
public final class HttpServerMetrics {

  static final AttributeKey<String> HTTP_METHOD = AttributeKey.stringKey("http.method");
  static final AttributeKey<String> HTTP_SCHEME = AttributeKey.stringKey("http.scheme");
  static final AttributeKey<String> HTTP_FLAVOR = AttributeKey.stringKey("http.flavor");
  static final AttributeKey<String> HTTP_HOST = AttributeKey.stringKey("http.host");
  static final AttributeKey<Long> NET_HOST_PORT = AttributeKey.longKey("net.host.port");
  static final AttributeKey<String> HTTP_SERVER_NAME = AttributeKey.stringKey("http.server_name");
  static final AttributeKey<Long> HTTP_STATUS_CODE = AttributeKey.longKey("http.status_code");
  static final AttributeKey<String> HTTP_TARGET = AttributeKey.stringKey("http.target");

  private final DoubleHistogram duration;
  private final LongUpDownCounter activeRequests;
  private final LongHistogram requestSize;
  private final LongHistogram responseSize;

  /** All four instruments, as a live backend has. */
  public HttpServerMetrics(Meter meter) {
    this(meter, true);
  }

  /** With {@code sizes} false, only duration and active requests (history keeps its volume down). */
  public HttpServerMetrics(Meter meter, boolean sizes) {
    duration = meter.histogramBuilder("http.server.duration")
        .setUnit("ms")
        .setDescription("Measures the duration of inbound HTTP requests.")
        .build();
    activeRequests = meter.upDownCounterBuilder("http.server.active_requests")
        .setUnit("{request}")
        .setDescription("Number of active HTTP server requests.")
        .build();
    requestSize = !sizes ? null : meter.histogramBuilder("http.server.request.size")
        .setUnit("By")
        .setDescription("Measures the size of HTTP request messages (compressed).")
        .ofLongs()
        .build();
    responseSize = !sizes ? null : meter.histogramBuilder("http.server.response.size")
        .setUnit("By")
        .setDescription("measures the size of HTTP response messages (compressed).")
        .ofLongs()
        .build();
  }

  /**
   * The attributes of a request known when it arrives (those of {@code active_requests}):
   * {@code host} is the server's address of the connection ({@code ip:port}) and {@code serverName}
   * the request's Host header, as Python's ASGI instrumentation sets them.
   */
  public static Attributes requestAttributes(String method, String host, String serverName) {
    return Attributes.builder()
        .put(HTTP_METHOD, method)
        .put(HTTP_SCHEME, "http")
        .put(HTTP_FLAVOR, "1.1")
        .put(HTTP_HOST, host)
        .put(HTTP_SERVER_NAME, serverName)
        .build();
  }

  public void started(Attributes request) {
    activeRequests.add(1, request);
  }

  /**
   * Records a finished request as the ASGI instrumentation does: duration in whole milliseconds;
   * {@code http_target} only when a route matched ({@code route} null for unmatched paths,
   * redirects and mounted apps); the request size only when the request had a Content-Length
   * ({@code requestBytes} negative when not); the response size only when it is not 0.
   */
  public void ended(Attributes request, int port, String route, int status, double millis, long requestBytes, long responseBytes) {
    AttributesBuilder builder = request.toBuilder()
        .put(NET_HOST_PORT, (long) port)
        .put(HTTP_STATUS_CODE, (long) status);
    if (route != null) {
      builder.put(HTTP_TARGET, route);
    }
    Attributes attributes = builder.build();
    duration.record(Math.max(Math.round(millis), 0), attributes);
    activeRequests.add(-1, request);
    if (requestSize == null) {
      return;
    }
    if (responseBytes != 0) {
      responseSize.record(responseBytes, attributes);
    }
    if (requestBytes >= 0) {
      requestSize.record(requestBytes, attributes);
    }
  }
}
