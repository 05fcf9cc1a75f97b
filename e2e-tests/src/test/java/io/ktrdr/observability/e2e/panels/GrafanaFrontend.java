package io.ktrdr.observability.e2e.panels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ktrdr.observability.e2e.harness.ProjectFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * grafana-frontend's entry point (dist/judge.mjs: Grafana's own front-end libraries): one JSON request
 * on stdin, one JSON answer on stdout, a Node process per call. The module is built before this one.
 */
public final class GrafanaFrontend {
  public static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private GrafanaFrontend() {}

  public static Path script() {
    return ProjectFiles.root().resolve("grafana-frontend/dist/judge.mjs");
  }

  public static JsonNode call(JsonNode request) {
    Path script = script();
    if (!Files.isRegularFile(script)) {
      throw new IllegalStateException(script + " is missing: the grafana-frontend module builds it"
          + " (./mvnw -pl grafana-frontend compile)");
    }
    try {
      Path stderr = Files.createTempFile("grafana-frontend", ".log");
      ProcessBuilder builder = new ProcessBuilder(System.getProperty("e2e.node", "node"), script.toString())
          .redirectError(stderr.toFile());
      builder.environment().put("TZ", "UTC");
      Process process = builder.start();
      try (OutputStream in = process.getOutputStream()) {
        in.write(JSON.writeValueAsBytes(request));
      }
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(script + " did not answer within " + TIMEOUT);
      }
      String errors = Files.readString(stderr, StandardCharsets.UTF_8);
      Files.deleteIfExists(stderr);
      if (process.exitValue() != 0) {
        throw new IllegalStateException(script + " exited with " + process.exitValue() + ":\n" + errors);
      }
      return JSON.readTree(out);
    } catch (IOException e) {
      throw new IllegalStateException("could not run " + script + " with node: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + script + " ran", e);
    }
  }
}
