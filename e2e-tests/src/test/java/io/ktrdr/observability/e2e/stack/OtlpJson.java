package io.ktrdr.observability.e2e.stack;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** OTLP/HTTP trace requests in their JSON encoding, as any OTLP exporter may send them. */
final class OtlpJson {
  private OtlpJson() {}

  /** One finished 1 ms span of {@code service}, named {@code name}, ending now. */
  static String oneSpan(String service, String name) {
    long end = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
    long start = end - TimeUnit.MILLISECONDS.toNanos(1);
    return """
        {"resourceSpans":[{
          "resource":{"attributes":[{"key":"service.name","value":{"stringValue":"%s"}}]},
          "scopeSpans":[{"scope":{"name":"e2e-tests"},"spans":[{
            "traceId":"%s","spanId":"%s","name":"%s","kind":1,
            "startTimeUnixNano":"%d","endTimeUnixNano":"%d"}]}]}]}
        """
        .formatted(service, randomHex(16), randomHex(8), name, start, end);
  }

  private static String randomHex(int bytes) {
    byte[] id = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(id);
    return HexFormat.of().formatHex(id);
  }
}
