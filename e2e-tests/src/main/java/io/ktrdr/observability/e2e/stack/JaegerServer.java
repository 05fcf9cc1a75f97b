package io.ktrdr.observability.e2e.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How Jaeger v2 is started in a local stack: as the compose setup's all-in-one (OTLP receivers,
 * memory storage, query API), with every listener on the stack's loopback ports.
 *
 * <p>The query API does not trace itself: its spans would go to OTLP's default {@code
 * localhost:4317}, where nothing listens here, and once it has answered a query Jaeger spends its
 * whole shutdown retrying to send them, so every stop waited out the 10 s before a kill.
 */
final class JaegerServer {
  private JaegerServer() {}

  static ManagedProcess start(Path home, StackAddresses addresses, Path runDirectory) {
    Path config = runDirectory.resolve("jaeger/config.yaml");
    try {
      Files.createDirectories(config.getParent());
      Files.writeString(config, config(addresses), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + config, e);
    }
    List<String> command = List.of(home.resolve("bin/jaeger").toString(), "--config=file:" + config);
    return ManagedProcess.start(
        Component.JAEGER.installName(), command, runDirectory, runDirectory.resolve("jaeger.log"));
  }

  static URI healthUri(StackAddresses addresses) {
    return URI.create("http://" + StackAddresses.HOST + ":" + addresses.jaegerHealthPort() + "/status");
  }

  /** Jaeger's own configuration: it knows no KTRDR specifics, only where to listen. */
  static String config(StackAddresses addresses) {
    String host = StackAddresses.HOST;
    return """
        service:
          extensions: [jaeger_storage, jaeger_query, healthcheckv2]
          pipelines:
            traces:
              receivers: [otlp]
              processors: [batch]
              exporters: [jaeger_storage_exporter]
          telemetry:
            resource:
              service.name: jaeger
            metrics:
              level: none
            logs:
              level: info

        extensions:
          healthcheckv2:
            use_v2: true
            http:
              endpoint: %1$s:%2$d
          jaeger_query:
            enable_tracing: false
            storage:
              traces: memory_store
            http:
              endpoint: %1$s:%3$d
            grpc:
              endpoint: %1$s:%4$d
          jaeger_storage:
            backends:
              memory_store:
                memory:
                  max_traces: 100000

        receivers:
          otlp:
            protocols:
              grpc:
                endpoint: %1$s:%5$d
              http:
                endpoint: %1$s:%6$d

        processors:
          batch:

        exporters:
          jaeger_storage_exporter:
            trace_storage: memory_store
        """
        .formatted(
            host,
            addresses.jaegerHealthPort(),
            addresses.jaegerQueryPort(),
            addresses.jaegerQueryGrpcPort(),
            addresses.otlpGrpcPort(),
            addresses.otlpHttpPort());
  }
}
