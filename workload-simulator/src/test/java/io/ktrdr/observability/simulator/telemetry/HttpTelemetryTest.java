package io.ktrdr.observability.simulator.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server metrics of a simulated backend, as the ASGI instrumentation records them. */
class HttpTelemetryTest {

  private static final AttributeKey<String> TARGET = AttributeKey.stringKey("http.target");
  private static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.status_code");

  private final InMemoryMetricReader reader = InMemoryMetricReader.create();
  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(2)).build();
  private HttpServer server;

  @BeforeEach
  void start() throws Exception {
    SdkMeterProvider provider = SdkMeterProvider.builder().registerMetricReader(reader).build();
    SdkTracerProvider tracers = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build();
    HttpTelemetry http = new HttpTelemetry(tracers.get("test"), provider.get(HttpTelemetry.SERVER_SCOPE), "backend", client);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      if (path.equals("/metrics")) {
        http.redirect(exchange, "/metrics/");
      } else if (path.equals("/metrics/")) {
        http.serve(exchange, "/metrics/", (ex, body) -> new HttpTelemetry.Response(200, "# EOF\n", "text/plain", true));
      } else if (path.startsWith(ApiTraffic.OPERATION_PREFIX)) {
        http.serve(exchange, ApiTraffic.OPERATION, (ex, body) -> new HttpTelemetry.Response(404, "{\"detail\":\"Operation not found\"}"));
      } else if (path.equals(ApiTraffic.REGISTER)) {
        http.serve(exchange, path, (ex, body) -> HttpTelemetry.Response.ok("{\"success\":true}"));
      } else {
        http.serve(exchange, path, (ex, body) -> new HttpTelemetry.Response(404, "{\"detail\":\"Not Found\"}"));
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void httpTargetIsTheRouteTemplateAndAbsentOnUnmatchedPathsRedirectsAndScrapes() throws Exception {
    assertThat(get("/api/v1/operations/op_x").statusCode()).isEqualTo(404);
    assertThat(get("/api/v1/no-such-route").statusCode()).isEqualTo(404);
    HttpResponse<String> redirect = get("/metrics");
    assertThat(get("/metrics/").statusCode()).isEqualTo(200);

    assertThat(redirect.statusCode()).isEqualTo(307);
    assertThat(redirect.headers().firstValue("Location")).hasValue("http://127.0.0.1:" + port() + "/metrics/");
    assertThat(points("http.server.duration").stream()
        .map(p -> p.getAttributes().get(STATUS) + " " + p.getAttributes().get(TARGET)).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("404 /api/v1/operations/{operation_id}", "404 null", "307 null", "200 null");
  }

  @Test
  void serverSpansAreNamedAsFastApisInstrumentationNamesThem() throws Exception {
    get("/metrics");
    get("/metrics/");
    get("/api/v1/no-such-route");
    get("/api/v1/operations/op_x");

    // As measured on FastAPI 0.128.0 with opentelemetry-instrumentation-fastapi 0.59b0.
    assertThat(spans.getFinishedSpanItems()).extracting(HttpTelemetryTest::nameAndRoute).containsExactlyInAnyOrder(
        "GET (no route) /metrics 307", "GET /metrics /metrics /metrics/ 200", "GET (no route) /api/v1/no-such-route 404",
        "GET /api/v1/operations/{operation_id} /api/v1/operations/{operation_id} /api/v1/operations/op_x 404");
  }

  private static String nameAndRoute(SpanData span) {
    String route = span.getAttributes().get(AttributeKey.stringKey("http.route"));
    return span.getName() + " " + (route == null ? "(no route)" : route) + " " + span.getAttributes().get(TARGET)
        + " " + span.getAttributes().get(STATUS);
  }

  @Test
  void requestSizeOnlyWithAContentLengthResponseSizeAsTheLastOneDeclared() throws Exception {
    HttpResponse<String> registered = client.send(HttpRequest.newBuilder(uri(ApiTraffic.REGISTER))
        .POST(HttpRequest.BodyPublishers.ofString("{\"worker_id\":\"w\"}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(registered.statusCode()).isEqualTo(200);
    get("/metrics/"); // streamed: recorded with the register response's size
    get("/metrics"); // a redirect declares 0 ...
    get("/metrics/"); // ... so this scrape records no response size

    assertThat(points("http.server.request.size")).singleElement()
        .satisfies(p -> assertThat(p.getSum()).isEqualTo(17.0));
    List<HistogramPointData> responses = points("http.server.response.size");
    assertThat(responses).extracting(p -> p.getAttributes().get(STATUS) + " " + p.getCount() + " " + p.getSum())
        .containsExactlyInAnyOrder("200 1 16.0", "200 1 16.0");
  }

  private List<HistogramPointData> points(String instrument) {
    return reader.collectAllMetrics().stream().filter(m -> m.getName().equals(instrument))
        .map(MetricData::getHistogramData).flatMap(h -> h.getPoints().stream()).collect(Collectors.toList());
  }

  private int port() {
    return server.getAddress().getPort();
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port() + path);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
