package io.ktrdr.observability.simulator.telemetry;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The listening socket of one simulated service. It can be stopped and started again on the same
 * port, so that an outage refuses connections (a failed scrape, {@code up} = 0) as a dead process
 * would.
 */
public final class ServiceEndpoint implements AutoCloseable {

  private final String service;
  private final String host;
  private final HttpHandler handler;
  private final int threads;
  private int port;
  private HttpServer server;
  private ExecutorService executor;

  public ServiceEndpoint(String service, String host, int port, int threads, HttpHandler handler) {
    this.service = requireNonNull(service, "service");
    this.host = requireNonNull(host, "host");
    this.handler = requireNonNull(handler, "handler");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port of " + service + " out of range: " + port);
    }
    this.port = port;
    this.threads = threads;
  }

  /** Binds and serves; a taken port is reported with the service and port named. */
  public synchronized void start() {
    if (server != null) {
      return;
    }
    try {
      HttpServer created = HttpServer.create(new InetSocketAddress(host, port), 64);
      executor = Executors.newFixedThreadPool(threads, runnable -> {
        Thread thread = new Thread(runnable, service + "-http");
        thread.setDaemon(true);
        return thread;
      });
      created.setExecutor(executor);
      created.createContext("/", this::handleOrAnswer500);
      created.start();
      server = created;
      port = created.getAddress().getPort();
    } catch (BindException e) {
      throw new EndpointException("port " + port + " of " + service + " on " + host + " is already in use", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + host + ":" + port + " for " + service + ": " + e.getMessage(), e);
    }
  }

  /**
   * Runs the handler; when it fails, the request is answered 500 and closed, so that the client is
   * told at once instead of waiting on a connection nobody will answer.
   */
  private void handleOrAnswer500(HttpExchange exchange) throws IOException {
    try {
      handler.handle(exchange);
    } catch (RuntimeException | Error e) {
      try {
        if (exchange.getResponseCode() == -1) {
          exchange.sendResponseHeaders(500, -1);
        }
      } finally {
        exchange.close();
      }
      System.err.println(service + ": " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath()
          + " failed: " + e);
      if (e instanceof Error) {
        throw (Error) e;
      }
    }
  }

  /** Stops answering at once; connections to the port are refused until {@link #start()}. */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server = null;
  }

  public synchronized boolean isAnswering() {
    return server != null;
  }

  /** The bound port (the chosen one when 0 was asked for). */
  public synchronized int port() {
    return port;
  }

  public String service() {
    return service;
  }

  @Override
  public void close() {
    stop();
  }

  /** A service could not listen where it was told to. */
  public static final class EndpointException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    EndpointException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
