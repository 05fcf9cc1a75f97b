package io.ktrdr.observability.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal OTLP/HTTP trace receiver on loopback: accepts {@code POST /v1/traces}, counts the spans
 * in each protobuf request by walking the wire format, and answers an empty success.
 */
final class LocalOtlpReceiver implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final AtomicLong spans = new AtomicLong();
  private final AtomicLong requests = new AtomicLong();
  private final ConcurrentHashMap<String, Boolean> serviceNames = new ConcurrentHashMap<>();

  private LocalOtlpReceiver(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    server.setExecutor(executor);
    server.createContext("/v1/traces", exchange -> {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      spans.addAndGet(countSpans(body));
      requests.incrementAndGet();
      exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.start();
  }

  static LocalOtlpReceiver start(int port) {
    try {
      return new LocalOtlpReceiver(port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int port() {
    return server.getAddress().getPort();
  }

  String endpoint() {
    return "http://127.0.0.1:" + port();
  }

  long spans() {
    return spans.get();
  }

  long requests() {
    return requests.get();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  // ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; }
  // ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; }
  // ScopeSpans { InstrumentationScope scope = 1; repeated Span spans = 2; }
  private static long countSpans(byte[] request) {
    long count = 0;
    for (int[] resourceSpans : fields(request, 0, request.length, 1)) {
      for (int[] scopeSpans : fields(request, resourceSpans[0], resourceSpans[1], 2)) {
        count += fields(request, scopeSpans[0], scopeSpans[1], 2).size();
      }
    }
    return count;
  }

  /** Offsets [start, end) of the length-delimited fields numbered {@code field} in a message. */
  private static java.util.List<int[]> fields(byte[] data, int start, int end, int field) {
    java.util.List<int[]> found = new java.util.ArrayList<>();
    int[] pos = {start};
    while (pos[0] < end) {
      long key = varint(data, pos);
      int number = (int) (key >>> 3);
      int wireType = (int) (key & 7);
      switch (wireType) {
        case 0:
          varint(data, pos);
          break;
        case 1:
          pos[0] += 8;
          break;
        case 2:
          int length = (int) varint(data, pos);
          if (number == field) {
            found.add(new int[] {pos[0], pos[0] + length});
          }
          pos[0] += length;
          break;
        case 5:
          pos[0] += 4;
          break;
        default:
          throw new IllegalStateException("unexpected wire type " + wireType);
      }
    }
    return found;
  }

  private static long varint(byte[] data, int[] pos) {
    long value = 0;
    int shift = 0;
    while (true) {
      byte b = data[pos[0]++];
      value |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
      shift += 7;
    }
  }
}
