package io.ktrdr.observability.e2e.stack;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One server process of the stack: its output goes to a log file, and it is stopped on close. */
final class ManagedProcess implements AutoCloseable {
  private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
  private static final Duration GRACEFUL_STOP = Duration.ofSeconds(10);
  private static final int LOG_TAIL_LINES = 40;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final Process process;
  private final Path logFile;

  private ManagedProcess(String name, Process process, Path logFile) {
    this.name = name;
    this.process = process;
    this.logFile = logFile;
  }

  static ManagedProcess start(
      String name, List<String> command, Path workingDirectory, Path logFile) {
    return start(name, command, Map.of(), workingDirectory, logFile);
  }

  static ManagedProcess start(
      String name,
      List<String> command,
      Map<String, String> environment,
      Path workingDirectory,
      Path logFile) {
    requireNonNull(name, "name");
    try {
      Files.createDirectories(logFile.getParent());
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(workingDirectory.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
      builder.environment().putAll(environment);
      Process process = builder.start();
      return new ManagedProcess(name, process, logFile);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot start " + name + ": " + String.join(" ", command), e);
    }
  }

  /**
   * Polls {@code healthUri} until it answers 200, the process exits, or {@code timeout} passes.
   *
   * @throws IllegalStateException naming the component, its health endpoint and the tail of its log
   */
  void awaitHealthy(URI healthUri, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String lastOutcome = "no answer yet";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw notReady("exited with status " + process.exitValue() + " before " + healthUri + " answered");
      }
      try {
        HttpResponse<String> response =
            HTTP.send(
                HttpRequest.newBuilder(healthUri).timeout(Duration.ofSeconds(2)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
        lastOutcome = "status " + response.statusCode() + ": " + abbreviate(response.body());
      } catch (IOException e) {
        lastOutcome = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw notReady("interrupted while waiting for " + healthUri);
      }
      sleep(POLL_INTERVAL);
    }
    throw notReady("not healthy within " + timeout.toSeconds() + " s at " + healthUri + " (last: " + lastOutcome + ")");
  }

  private IllegalStateException notReady(String reason) {
    return new IllegalStateException(
        name
            + " "
            + reason
            + "\n--- last lines of "
            + logFile
            + " ---\n"
            + LogFiles.tail(logFile, LOG_TAIL_LINES));
  }

  String name() {
    return name;
  }

  /**
   * Waits for a short-lived process to finish.
   *
   * @return its exit status
   * @throws IllegalStateException if it is still running after {@code timeout}
   */
  int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException(name + " still running after " + timeout.toSeconds() + " s");
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + name, e);
    }
  }

  Path logFile() {
    return logFile;
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Asks the process to stop (SIGTERM), and kills it and its children if it has not within 10 s. */
  @Override
  public void close() {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(GRACEFUL_STOP.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(GRACEFUL_STOP.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    children.forEach(ProcessHandle::destroyForcibly);
  }

  private static String abbreviate(String text) {
    String line = text.replace('\n', ' ').strip();
    return line.length() <= 200 ? line : line.substring(0, 200) + "...";
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public String toString() {
    return name + "(pid " + process.pid() + ", log " + logFile + ")";
  }
}
