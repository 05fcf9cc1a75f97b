package io.ktrdr.observability.e2e.panels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ktrdr.observability.e2e.harness.ProjectFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * grafana-frontend's entry point (dist/judge.mjs: Grafana's own front-end libraries), one Node
 * process for the JVM ({@code --serve}): a JSON request a line on its stdin, a JSON answer a line on
 * its stdout. Node's start (about a second on two busy cores) is paid once, not on every call. The
 * module is built before this one.
 */
public final class GrafanaFrontend {
  public static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private static Served served;

  private GrafanaFrontend() {}

  public static Path script() {
    return ProjectFiles.root().resolve("grafana-frontend/dist/judge.mjs");
  }

  /** Sends {@code request}, answers what the script answered; one call at a time. */
  public static synchronized JsonNode call(JsonNode request) {
    Path script = script();
    if (!Files.isRegularFile(script)) {
      throw new IllegalStateException(script + " is missing: the grafana-frontend module builds it"
          + " (./mvnw -pl grafana-frontend compile)");
    }
    if (served == null || !served.process.isAlive()) {
      served = Served.start(script);
    }
    JsonNode answer;
    try {
      answer = served.call(request);
    } catch (RuntimeException e) {
      // A process in an unknown state is not asked again: the next call starts a new one.
      if (served.broken) {
        served.close();
        served = null;
      }
      throw e;
    }
    if (answer.has("error")) {
      throw new IllegalStateException(script + " failed:\n" + answer.path("error").asText());
    }
    return answer;
  }

  /** The running script: its pipes, and its stderr in a file for the failures. */
  private static final class Served {
    final Process process;
    final OutputStream in;
    final BufferedReader out;
    final Path stderr;
    boolean broken;

    private Served(Process process, Path stderr) {
      this.process = process;
      this.in = process.getOutputStream();
      this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      this.stderr = stderr;
    }

    static Served start(Path script) {
      try {
        Path stderr = Files.createTempFile("grafana-frontend", ".log");
        ProcessBuilder builder = new ProcessBuilder(System.getProperty("e2e.node", "node"), script.toString(), "--serve")
            .redirectError(stderr.toFile());
        builder.environment().put("TZ", "UTC");
        Served served = new Served(builder.start(), stderr);
        // It ends when its stdin does, at the latest when this JVM exits.
        Runtime.getRuntime().addShutdownHook(new Thread(served::close));
        return served;
      } catch (IOException e) {
        throw new IllegalStateException("could not run " + script + " with node: " + e.getMessage(), e);
      }
    }

    JsonNode call(JsonNode request) {
      try {
        in.write(JSON.writeValueAsBytes(request));
        in.write('\n');
        in.flush();
        String line = CompletableFuture.supplyAsync(() -> {
          try {
            return out.readLine();
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (line == null) {
          broken = true;
          throw new IllegalStateException(script() + " ended without an answer (exit " + exitCode() + "):\n" + errors());
        }
        return JSON.readTree(line);
      } catch (TimeoutException e) {
        broken = true;
        throw new IllegalStateException(script() + " did not answer within " + TIMEOUT, e);
      } catch (IOException | ExecutionException e) {
        broken = true;
        throw new IllegalStateException("could not talk to " + script() + ": " + e.getMessage() + "\n" + errors(), e);
      } catch (InterruptedException e) {
        broken = true;
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while " + script() + " ran", e);
      }
    }

    private String exitCode() {
      try {
        return process.waitFor(2, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "still running";
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return "unknown";
      }
    }

    private String errors() {
      try {
        return Files.readString(stderr, StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "(its stderr " + stderr + " could not be read: " + e.getMessage() + ")";
      }
    }

    void close() {
      try {
        in.close();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (IOException | InterruptedException e) {
        process.destroyForcibly();
      }
      try {
        Files.deleteIfExists(stderr);
      } catch (IOException ignored) {
        // A temporary file; the next run does not read it.
      }
    }
  }
}
