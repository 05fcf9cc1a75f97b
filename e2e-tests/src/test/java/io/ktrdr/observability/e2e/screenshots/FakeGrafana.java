package io.ktrdr.observability.e2e.screenshots;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback HTTP server answering the few addresses the screenshot tool asks Grafana for: {@code
 * /api/health}, {@code /api/dashboards/uid/<uid>}, and {@code /d/<uid>} as a page filled with
 * {@link #PAGE_COLOR}. It records every request's path and query.
 */
final class FakeGrafana implements AutoCloseable {

  /** The background of every dashboard page, as red, green, blue. */
  static final int[] PAGE_COLOR = {32, 80, 160};

  private final HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final int dashboardApiStatus;

  private FakeGrafana(int dashboardApiStatus) throws IOException {
    this.dashboardApiStatus = dashboardApiStatus;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  /** A Grafana that shows its dashboards to anonymous viewers. */
  static FakeGrafana withAnonymousViewers() throws IOException {
    return new FakeGrafana(200);
  }

  /** A Grafana that wants a login before it shows a dashboard. */
  static FakeGrafana withLoginRequired() throws IOException {
    return new FakeGrafana(401);
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Path and query of each request, in order of arrival. */
  List<String> requests() {
    return List.copyOf(requests);
  }

  private void answer(HttpExchange exchange) throws IOException {
    URI uri = exchange.getRequestURI();
    String path = uri.getRawPath();
    requests.add(uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery());
    if (path.equals("/api/health")) {
      respond(exchange, 200, "application/json", "{\"database\":\"ok\"}");
    } else if (path.startsWith("/api/dashboards/uid/")) {
      respond(exchange, dashboardApiStatus, "application/json", "{}");
    } else if (path.startsWith("/d/")) {
      String color = "rgb(" + PAGE_COLOR[0] + "," + PAGE_COLOR[1] + "," + PAGE_COLOR[2] + ")";
      respond(
          exchange,
          200,
          "text/html; charset=utf-8",
          "<!doctype html><html><body style=\"margin:0;background:" + color + "\">"
              + "<h1 style=\"color:white\">" + path + "</h1></body></html>");
    } else {
      respond(exchange, 404, "text/plain", "not found");
    }
  }

  private static void respond(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
