package io.ktrdr.observability.e2e.harness;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Docker Compose the compose mode runs must read the override's {@code ports: !reset []}
 * (the YAML tag {@code !reset}), which Compose understands from 2.24.0 on; an older one fails on
 * the tag or publishes the fixed host ports anyway.
 */
public record ComposeVersion(int major, int minor, int patch) implements Comparable<ComposeVersion> {
  /** The first Docker Compose that knows {@code !reset}. */
  public static final ComposeVersion MINIMUM = new ComposeVersion(2, 24, 0);
  private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)\\.(\\d+)");

  /** Reads the version from what {@code docker compose version} prints, e.g. {@code Docker Compose version v2.29.1}. */
  public static Optional<ComposeVersion> parse(String output) {
    requireNonNull(output, "output");
    Matcher matcher = VERSION.matcher(output);
    if (!matcher.find()) {
      return Optional.empty();
    }
    return Optional.of(new ComposeVersion(
        Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3))));
  }

  /**
   * Refuses what {@code docker compose version} printed when it names no version or one older than {@link #MINIMUM}.
   *
   * @throws IllegalStateException saying what was found and what is needed
   */
  public static ComposeVersion require(String output) {
    ComposeVersion version = parse(output).orElseThrow(() -> new IllegalStateException(
        "`docker compose version` printed no version (" + output.strip() + "); the compose mode needs Docker Compose "
            + MINIMUM + " or newer"));
    if (version.compareTo(MINIMUM) < 0) {
      throw new IllegalStateException("Docker Compose " + version + " is too old for the compose mode: its override"
          + " uses `ports: !reset []`, which needs Docker Compose " + MINIMUM + " or newer. Update Docker Compose,"
          + " or run the native stack: -De2e.stack=native");
    }
    return version;
  }

  /** Asks the local {@code docker compose}, as Testcontainers' local compose mode runs it. */
  public static ComposeVersion ofLocalDocker() {
    try {
      Process process = new ProcessBuilder("docker", "compose", "version").redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("`docker compose version` did not answer within 30 s");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException("`docker compose version` failed (status " + process.exitValue() + "): "
            + output.strip() + "; the compose mode needs Docker Compose " + MINIMUM + " or newer");
      }
      return require(output);
    } catch (IOException e) {
      throw new IllegalStateException("cannot run `docker compose version`: " + e.getMessage()
          + "; the compose mode needs Docker Compose " + MINIMUM + " or newer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted asking `docker compose version`", e);
    }
  }

  @Override
  public int compareTo(ComposeVersion other) {
    int byMajor = Integer.compare(major, other.major);
    if (byMajor != 0) {
      return byMajor;
    }
    int byMinor = Integer.compare(minor, other.minor);
    return byMinor != 0 ? byMinor : Integer.compare(patch, other.patch);
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch;
  }
}
