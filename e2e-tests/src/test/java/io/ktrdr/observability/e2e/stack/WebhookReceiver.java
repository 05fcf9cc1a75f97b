package io.ktrdr.observability.e2e.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A loopback HTTP endpoint standing in for a team's webhook receiver: it keeps every notification
 * Alertmanager POSTs (its webhook JSON), and lets a test wait for one, woken by its arrival.
 */
final class WebhookReceiver implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One notification and when it arrived. */
  record Notification(Instant received, JsonNode body) {
    String status() {
      return body.path("status").asText();
    }

    List<JsonNode> alerts() {
      List<JsonNode> alerts = new ArrayList<>();
      body.path("alerts").forEach(alerts::add);
      return alerts;
    }
  }

  private final HttpServer server;
  private final BlockingQueue<Notification> arrived = new LinkedBlockingQueue<>();
  private final List<Notification> all = new ArrayList<>();

  private WebhookReceiver(HttpServer server) {
    this.server = server;
  }

  static WebhookReceiver start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    WebhookReceiver receiver = new WebhookReceiver(server);
    server.createContext("/alerts", exchange -> {
      try (exchange) {
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        receiver.arrived.add(new Notification(Instant.now(), body));
        exchange.sendResponseHeaders(200, -1);
      }
    });
    server.start();
    return receiver;
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/alerts");
  }

  /**
   * The first notification, from now on, that {@code wanted} accepts; those it does not are kept in
   * {@link #received()}.
   *
   * @throws AssertionError when none arrives within {@code timeout}, listing what did
   */
  Notification await(String description, Predicate<Notification> wanted, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      Notification next = left > 0 ? arrived.poll(left, TimeUnit.NANOSECONDS) : null;
      if (next == null) {
        throw new AssertionError("no notification " + description + " within " + timeout + "; received: " + received());
      }
      synchronized (all) {
        all.add(next);
      }
      if (wanted.test(next)) {
        return next;
      }
    }
  }

  List<Notification> received() {
    synchronized (all) {
      return List.copyOf(all);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
