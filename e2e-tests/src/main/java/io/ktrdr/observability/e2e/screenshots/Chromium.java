package io.ktrdr.observability.e2e.screenshots;

import static java.util.Objects.requireNonNull;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Headless Chromium taking one screenshot per run, each run with a fresh profile directory that is
 * deleted afterwards.
 */
public final class Chromium {

  /** The environment variable naming the Chromium executable; else it is looked up on PATH. */
  public static final String EXECUTABLE_VARIABLE = "KTRDR_CHROMIUM";

  /** Executable names tried on PATH, in order: Debian's package first. */
  public static final List<String> EXECUTABLE_NAMES =
      List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");

  /**
   * Switches for a headless run on a server: no sandbox (containers and root), no GPU, no QUIC,
   * and no first-run, sync, update or background traffic that would call out at every start.
   */
  static final List<String> HEADLESS_SWITCHES =
      List.of(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--hide-scrollbars");

  private static final int LOG_TAIL_LINES = 20;
  private static final System.Logger LOGGER = System.getLogger(Chromium.class.getName());

  private final Path executable;

  private Chromium(Path executable) {
    this.executable = executable;
  }

  /** Chromium at {@code executable}. */
  public static Chromium at(Path executable) {
    requireNonNull(executable, "executable");
    if (!Files.isExecutable(executable)) {
      throw new IllegalArgumentException("chromium: not an executable file: " + executable);
    }
    return new Chromium(executable);
  }

  /**
   * The Chromium named by {@value #EXECUTABLE_VARIABLE}, or else the first of {@link
   * #EXECUTABLE_NAMES} on PATH.
   */
  public static Chromium locate() {
    return locate(System.getenv());
  }

  static Chromium locate(Map<String, String> environment) {
    String named = environment.get(EXECUTABLE_VARIABLE);
    if (named != null && !named.isBlank()) {
      return at(Path.of(named));
    }
    return onPath(environment.getOrDefault("PATH", ""))
        .map(Chromium::new)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "chromium: none of "
                        + EXECUTABLE_NAMES
                        + " is on PATH; install Debian's package chromium"
                        + " (apt-get install -y chromium) or set "
                        + EXECUTABLE_VARIABLE
                        + " to the executable"));
  }

  private static Optional<Path> onPath(String path) {
    for (String name : EXECUTABLE_NAMES) {
      for (String directory : path.split(File.pathSeparator)) {
        if (directory.isEmpty()) {
          continue;
        }
        Path candidate = Path.of(directory, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /** The executable this instance runs. */
  public Path executable() {
    return executable;
  }

  /**
   * Opens {@code url} in a window of {@code width} x {@code height} pixels, lets the page run for
   * {@code renderBudget} of virtual time (Chromium stops the clock while requests are pending, so
   * the page's queries finish first), and writes what it shows to {@code png}.
   *
   * @throws IOException when Chromium fails, outlasts {@code timeout} or writes no PNG of that size
   */
  public PngImage screenshot(
      URI url, Path png, int width, int height, Duration renderBudget, Duration timeout)
      throws IOException {
    requireNonNull(url, "url");
    requireNonNull(png, "png");
    requireNonNull(renderBudget, "renderBudget");
    requireNonNull(timeout, "timeout");
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException(
          "window: width and height must be positive, got " + width + "x" + height);
    }
    Path target = png.toAbsolutePath();
    Files.createDirectories(target.getParent());
    Files.deleteIfExists(target);
    Path profile = Files.createTempDirectory("ktrdr-chromium-profile-");
    Path log = Files.createTempFile("ktrdr-chromium-", ".log");
    try {
      List<String> command = new ArrayList<>();
      command.add(executable.toString());
      command.addAll(HEADLESS_SWITCHES);
      command.add("--user-data-dir=" + profile);
      command.add("--window-size=" + width + "," + height);
      command.add("--virtual-time-budget=" + renderBudget.toMillis());
      command.add("--screenshot=" + target);
      command.add(url.toString());
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
              .start();
      boolean exited;
      try {
        exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
        throw new IOException("interrupted while chromium took " + url, e);
      }
      if (!exited) {
        process.destroyForcibly();
        throw new IOException(
            "chromium did not finish " + url + " within " + timeout + logTail(log));
      }
      if (process.exitValue() != 0 || !Files.isRegularFile(target)) {
        throw new IOException(
            "chromium exited with " + process.exitValue() + " and no screenshot of " + url
                + logTail(log));
      }
      PngImage image = PngImage.read(target);
      if (image.width() != width || image.height() != height) {
        throw new IOException(
            target + ": expected " + width + "x" + height + " pixels, chromium wrote "
                + image.width() + "x" + image.height());
      }
      return image;
    } finally {
      deleteRecursively(profile);
      Files.deleteIfExists(log);
    }
  }

  private static String logTail(Path log) throws IOException {
    // Without a D-Bus (servers, containers) Chromium logs dozens of harmless dbus errors.
    List<String> lines =
        Files.readAllLines(log, StandardCharsets.UTF_8).stream()
            .filter(line -> !line.contains(":ERROR:dbus/"))
            .toList();
    List<String> tail = lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
    return tail.isEmpty() ? "" : "; chromium's last output:\n" + String.join("\n", tail);
  }

  private static void deleteRecursively(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException | UncheckedIOException e) {
      // Chromium may still be closing files in its profile; a stale temp directory is harmless.
      LOGGER.log(System.Logger.Level.WARNING, "cannot delete chromium profile " + directory, e);
    }
  }
}
