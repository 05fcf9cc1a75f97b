package io.ktrdr.observability.simulator.fidelity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One reference app (a Python process) on loopback: started with the venv's interpreter, its
 * port read from the {@code LISTENING <port>} line it prints, stopped by closing its standard
 * input and terminating it. Its output is kept for the failure message.
 */
final class ReferenceApp implements AutoCloseable {

  private static final Duration STARTUP = Duration.ofSeconds(60);

  private final String name;
  private final Process process;
  private final StringBuffer output;
  private final int port;

  private ReferenceApp(String name, Process process, StringBuffer output, int port) {
    this.name = name;
    this.process = process;
    this.output = output;
    this.port = port;
  }

  static ReferenceApp start(ReferenceEnvironment environment, String name, String script, String... arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(environment.python().toAbsolutePath().toString(), script));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).directory(ReferenceEnvironment.SOURCES.toFile()).redirectErrorStream(true);
    cleanEnvironment(builder);
    Process process = builder.start();
    StringBuffer output = new StringBuffer();
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          output.append(line).append('\n');
          if (line.startsWith("LISTENING ")) {
            port.complete(Integer.parseInt(line.substring("LISTENING ".length()).strip()));
          }
        }
      } catch (IOException | NumberFormatException e) {
        port.completeExceptionally(e);
      }
      port.completeExceptionally(new IllegalStateException("exited before listening"));
    }, "reference-" + name);
    reader.setDaemon(true);
    reader.start();
    try {
      return new ReferenceApp(name, process, output, port.get(STARTUP.toSeconds(), TimeUnit.SECONDS));
    } catch (ExecutionException | TimeoutException e) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      throw new IllegalStateException("reference " + name + " did not start within " + STARTUP.toSeconds() + " s ("
          + (e instanceof TimeoutException ? "timed out" : e.getCause().getMessage()) + "); its output:\n" + output);
    }
  }

  /** No OTEL_* or PYTHON* settings of the caller leak in; no bytecode is written into the sources. */
  static void cleanEnvironment(ProcessBuilder builder) {
    builder.environment().keySet().removeIf(key -> key.startsWith("OTEL_") || key.startsWith("PYTHON"));
    builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
    builder.environment().put("PYTHONUNBUFFERED", "1");
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  String output() {
    return output.toString();
  }

  @Override
  public void close() throws InterruptedException {
    try {
      process.getOutputStream().close(); // the app exits when its standard input closes
    } catch (IOException ignored) {
      // already gone
    }
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
  }

  @Override
  public String toString() {
    return "reference " + name + " on port " + port;
  }
}
