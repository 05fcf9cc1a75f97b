package io.ktrdr.observability.e2e.pictures;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The picture page on loopback for one dashboard: the built page of {@code dashboard-pictures/dist}, the
 * dashboard and its answers as {@code picture.json}, and {@code POST /report}, where the page says how it
 * drew each panel. Served over HTTP rather than from {@code file://}, where Chromium refuses the page's
 * {@code fetch()} calls.
 */
final class PicturePage implements AutoCloseable {
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8",
      "js", "text/javascript; charset=utf-8",
      "css", "text/css; charset=utf-8",
      "svg", "image/svg+xml",
      "json", "application/json");

  private final HttpServer server;
  private final CompletableFuture<byte[]> report = new CompletableFuture<>();

  private PicturePage(HttpServer server) {
    this.server = server;
  }

  /** Serves {@code dist} and {@code picture} on a free loopback port. */
  static PicturePage serve(Path dist, byte[] picture) throws IOException {
    requireNonNull(dist, "dist");
    requireNonNull(picture, "picture");
    if (!Files.isRegularFile(dist.resolve("index.html")) || !Files.isRegularFile(dist.resolve("picture.js"))) {
      throw new IOException(dist + " holds no built page (index.html, picture.js): the dashboard-pictures module builds it"
          + " (./mvnw -q -pl dashboard-pictures -am compile)");
    }
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    PicturePage page = new PicturePage(server);
    Path root = dist.toAbsolutePath().normalize();
    server.createContext("/", exchange -> {
      try (exchange) {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/report") && exchange.getRequestMethod().equals("POST")) {
          try (InputStream body = exchange.getRequestBody()) {
            page.report.complete(body.readAllBytes());
          }
          send(exchange, 204, "json", new byte[0]);
        } else if (path.equals("/picture.json")) {
          send(exchange, 200, "json", picture);
        } else {
          Path file = root.resolve(path.equals("/") ? "index.html" : path.substring(1)).normalize();
          if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            // Grafana's global styles ask for the Inter font, which is not installed (README: fonts).
            send(exchange, 404, "html", new byte[0]);
          } else {
            String name = file.getFileName().toString();
            send(exchange, 200, name.substring(name.lastIndexOf('.') + 1), Files.readAllBytes(file));
          }
        }
      }
    });
    server.start();
    return page;
  }

  private static void send(HttpExchange exchange, int status, String extension, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(extension, "application/octet-stream"));
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** The page's address. */
  URI url() {
    return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort() + "/");
  }

  /** The body of the page's report, once it has sent one. */
  CompletableFuture<byte[]> report() {
    return report;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
