package io.ktrdr.observability.simulator.telemetry;

import com.sun.net.httpserver.HttpExchange;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP the way KTRDR's instrumentation sees it: FastAPI server spans named {@code METHOD route},
 * httpx client spans, W3C {@code traceparent} between them, and (on the backend only) the server
 * metrics of the older HTTP semantic conventions.
 */
public final class HttpTelemetry {

  /** The instrumentation scope of KTRDR's server metrics and spans. */
  public static final String SERVER_SCOPE = "opentelemetry.instrumentation.fastapi";

  private static final AttributeKey<String> HTTP_ROUTE = AttributeKey.stringKey("http.route");
  private static final AttributeKey<String> HTTP_URL = AttributeKey.stringKey("http.url");

  private static final TextMapGetter<HttpExchange> HEADER_GETTER = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(HttpExchange exchange) {
      return exchange.getRequestHeaders().keySet();
    }

    @Override
    public String get(HttpExchange exchange, String key) {
      return exchange == null ? null : exchange.getRequestHeaders().getFirst(key);
    }
  };
  private static final TextMapSetter<HttpRequest.Builder> HEADER_SETTER = (builder, key, value) -> builder.header(key, value);

  private final Tracer tracer;
  private final String serverName;
  private final HttpServerMetrics metrics;
  private final HttpClient client;
  /**
   * The last Content-Length a response of this app declared. The ASGI instrumentation keeps it on
   * its one middleware instance, so a response without one (a streamed scrape) is recorded with
   * the size of the response before it, and not at all after a redirect (Content-Length 0).
   */
  private final AtomicLong lastContentLength = new AtomicLong();

  /**
   * What a route answers. A {@code streamed} response is sent without a Content-Length, as
   * prometheus_client's ASGI app sends a scrape.
   */
  public record Response(int status, String body, String contentType, boolean streamed) {
    public Response(int status, String body, String contentType) {
      this(status, body, contentType, false);
    }

    public Response(int status, String body) {
      this(status, body, "application/json");
    }

    public static Response ok(String body) {
      return new Response(200, body);
    }
  }

  /** One route's work, run inside its server span. */
  @FunctionalInterface
  public interface RouteHandler {
    Response handle(HttpExchange exchange, String requestBody) throws IOException;
  }

  /**
   * @param meter the meter for server metrics, or null for a service without a meter provider
   *     (KTRDR's workers)
   */
  public HttpTelemetry(Tracer tracer, Meter meter, String serverName, HttpClient client) {
    this.tracer = tracer;
    this.serverName = serverName;
    this.client = client;
    this.metrics = meter == null ? null : new HttpServerMetrics(meter);
  }

  public Tracer tracer() {
    return tracer;
  }

  /**
   * Serves one request of {@code route} inside a server span continuing the caller's trace. Its
   * server metrics carry {@code http_target} only when {@code route} is one of the backend's route
   * templates ({@link ApiTraffic#isRoute}): an unmatched path or the mounted metrics app has none.
   */
  public void serve(HttpExchange exchange, String route, RouteHandler handler) throws IOException {
    long startNanos = System.nanoTime();
    String method = exchange.getRequestMethod();
    // As the ASGI instrumentation: http.host is the server's own address of the connection,
    // http.server_name the Host header the client sent.
    // net.host.port is the port the connection came in on: the bound one, also when 0 was asked.
    int localPort = exchange.getLocalAddress().getPort();
    String hostHeader = exchange.getRequestHeaders().getFirst("Host");
    Attributes common = HttpServerMetrics.requestAttributes(method, localAddress(exchange),
        hostHeader == null ? serverName + ":" + localPort : hostHeader);
    if (metrics != null) {
      metrics.started(common);
    }
    Span span = serverSpan(exchange, common, spanRoute(route), localPort);
    byte[] requestBody = exchange.getRequestBody().readAllBytes();
    Response response;
    try (Scope ignored = span.makeCurrent()) {
      response = handler.handle(exchange, new String(requestBody, StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      span.recordException(e);
      response = new Response(500, "{\"detail\":\"Internal Server Error\"}");
    }
    byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
    try {
      exchange.getResponseHeaders().set("Content-Type", response.contentType());
      // 0 asks for chunked transfer (no Content-Length), -1 for an empty body.
      exchange.sendResponseHeaders(response.status(), response.streamed() ? 0 : body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    } finally {
      exchange.close();
      span.setAttribute(HttpServerMetrics.HTTP_STATUS_CODE, (long) response.status());
      if (response.status() >= 500) {
        span.setStatus(StatusCode.ERROR);
      }
      span.end();
      if (!response.streamed()) {
        lastContentLength.set(body.length);
      }
      if (metrics != null) {
        metrics.ended(common, localPort, ApiTraffic.isRoute(route) ? route : null, response.status(),
            (System.nanoTime() - startNanos) / 1e6, requestContentLength(exchange), lastContentLength.get());
      }
    }
  }

  /**
   * Answers 307 to {@code path} on this server, as Starlette redirects a path that matches a route
   * only with (or without) its trailing slash; recorded like any unmatched request (no
   * {@code http_target}, no response size: the redirect's Content-Length is 0).
   */
  public void redirect(HttpExchange exchange, String path) throws IOException {
    long startNanos = System.nanoTime();
    int localPort = exchange.getLocalAddress().getPort();
    String hostHeader = exchange.getRequestHeaders().getFirst("Host");
    String host = hostHeader == null ? localAddress(exchange) : hostHeader;
    Attributes common = HttpServerMetrics.requestAttributes(exchange.getRequestMethod(), localAddress(exchange),
        hostHeader == null ? serverName + ":" + localPort : hostHeader);
    if (metrics != null) {
      metrics.started(common);
    }
    Span span = serverSpan(exchange, common, null, localPort);
    exchange.getRequestBody().readAllBytes();
    try {
      String query = exchange.getRequestURI().getRawQuery();
      exchange.getResponseHeaders().set("Location", "http://" + host + path + (query == null ? "" : "?" + query));
      exchange.sendResponseHeaders(307, -1);
    } finally {
      exchange.close();
      span.setAttribute(HttpServerMetrics.HTTP_STATUS_CODE, 307L);
      span.end();
      lastContentLength.set(0);
      if (metrics != null) {
        metrics.ended(common, localPort, null, 307, (System.nanoTime() - startNanos) / 1e6, requestContentLength(exchange), 0);
      }
    }
  }

  /**
   * The request's Content-Length, or -1 without one (the instrumentation then records no request
   * size). Java's HttpClient, which sends the simulator's own traffic, adds {@code Content-Length: 0}
   * to every GET; KTRDR's clients (httpx, browsers, Prometheus) send none, so that one is ignored.
   */
  private static long requestContentLength(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Content-Length");
    boolean bodiless = exchange.getRequestMethod().equals("GET") || exchange.getRequestMethod().equals("HEAD");
    if (header == null || (bodiless && header.strip().equals("0"))) {
      return -1;
    }
    try {
      return Long.parseLong(header.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * The route FastAPI's instrumentation names a server span after (measured with 0.59b0): a
   * matched route's template; for the backend's metrics app mounted at {@code /metrics}, the
   * mount's path {@code /metrics}; none for an unmatched path, whose span is named by the method
   * alone and carries no {@code http.route}.
   */
  private String spanRoute(String route) {
    if (metrics == null) {
      return ApiTraffic.WORKER_ROUTES.contains(route) ? route : null;
    }
    if (ApiTraffic.METRICS_MOUNT_PATH.equals(route)) {
      return "/metrics";
    }
    return ApiTraffic.isRoute(route) ? route : null;
  }

  /** A server span continuing the caller's trace, named {@code METHOD route}, or by the method alone without a route. */
  private Span serverSpan(HttpExchange exchange, Attributes common, String route, int localPort) {
    Context parent = W3CTraceContextPropagator.getInstance().extract(Context.root(), exchange, HEADER_GETTER);
    String method = exchange.getRequestMethod();
    io.opentelemetry.api.trace.SpanBuilder builder = tracer.spanBuilder(route == null ? method : method + " " + route)
        .setParent(parent)
        .setSpanKind(SpanKind.SERVER)
        .setAllAttributes(common)
        .setAttribute(HttpServerMetrics.HTTP_TARGET, exchange.getRequestURI().getPath())
        .setAttribute(HttpServerMetrics.NET_HOST_PORT, (long) localPort);
    if (route != null) {
      builder.setAttribute(HTTP_ROUTE, route);
    }
    return builder.startSpan();
  }

  /** {@code ip:port} of the connection's local end, as uvicorn reports the ASGI scope's server. */
  private String localAddress(HttpExchange exchange) {
    java.net.InetSocketAddress local = exchange.getLocalAddress();
    return local.getAddress().getHostAddress() + ":" + local.getPort();
  }

  /**
   * Calls another service as httpx would, inside a client span whose context travels in
   * {@code traceparent}. Returns the status code, or -1 when the connection failed.
   */
  public int call(String method, URI uri, String body, Map<String, String> headers) {
    Span span = tracer.spanBuilder(method)
        .setSpanKind(SpanKind.CLIENT)
        .setAttribute(HttpServerMetrics.HTTP_METHOD, method)
        .setAttribute(HTTP_URL, uri.toString())
        .startSpan();
    try (Scope ignored = span.makeCurrent()) {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri)
          .timeout(Duration.ofSeconds(5))
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
      headers.forEach(request::header);
      W3CTraceContextPropagator.getInstance().inject(Context.current(), request, HEADER_SETTER);
      HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
      span.setAttribute(HttpServerMetrics.HTTP_STATUS_CODE, (long) response.statusCode());
      if (response.statusCode() >= 400) {
        span.setStatus(StatusCode.ERROR);
      }
      return response.statusCode();
    } catch (IOException e) {
      span.recordException(e);
      span.setStatus(StatusCode.ERROR, e instanceof ConnectException ? "connection refused" : String.valueOf(e.getMessage()));
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      span.setStatus(StatusCode.ERROR, "interrupted");
      return -1;
    } finally {
      span.end();
    }
  }

  /** Calls without extra headers. */
  public int call(String method, URI uri, String body) {
    return call(method, uri, body, Map.of());
  }
}
