package io.ktrdr.observability.simulator.live;

import com.sun.net.httpserver.HttpExchange;
import io.ktrdr.observability.simulator.telemetry.HttpTelemetry;
import io.ktrdr.observability.simulator.telemetry.ServiceEndpoint;
import io.ktrdr.observability.simulator.telemetry.SimulatedProcess;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** What every simulated service has: a port, HTTP telemetry, a process, and a count of requests served. */
abstract class SimulatedService {

  private final ServiceEndpoint endpoint;
  private final HttpTelemetry http;
  private final SimulatedProcess process;
  private final AtomicLong requests = new AtomicLong();

  SimulatedService(String name, String host, int port, int threads, HttpTelemetry http, SimulatedProcess process) {
    this.endpoint = new ServiceEndpoint(name, host, port, threads, this::handle);
    this.http = http;
    this.process = process;
  }

  /** Serves one request on this service's port. */
  abstract void handle(HttpExchange exchange) throws IOException;

  final ServiceEndpoint endpoint() {
    return endpoint;
  }

  final HttpTelemetry http() {
    return http;
  }

  final SimulatedProcess process() {
    return process;
  }

  final void countRequest() {
    requests.incrementAndGet();
  }

  /** Requests served since the last call, for the process's CPU time. */
  final long takeRequestCount() {
    return requests.getAndSet(0);
  }

  static long epochNanos() {
    Instant now = Instant.now();
    return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
  }
}
