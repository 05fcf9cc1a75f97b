package io.ktrdr.observability.simulator.fidelity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Python side of the fidelity check: a Python 3.10+ found on this machine and a virtual
 * environment under {@code target/} with the exact packages of {@code requirements.txt},
 * installed from PyPI with their hashes (pip's own cache makes a rebuild quick). The environment
 * is reused while the requirements and the interpreter are unchanged.
 */
final class ReferenceEnvironment {

  /** The interpreter to use instead of {@code python3}/{@code python} on the PATH. */
  static final String PYTHON_PROPERTY = "fidelity.python";
  static final Path SOURCES = Path.of("src", "test", "python", "reference");
  static final Path VENV = Path.of("target", "reference-venv");
  private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(20);

  private final Path python;
  private final boolean reused;
  private final Duration setup;

  private ReferenceEnvironment(Path python, boolean reused, Duration setup) {
    this.python = python;
    this.reused = reused;
    this.setup = setup;
  }

  /** The venv's interpreter. */
  Path python() {
    return python;
  }

  boolean reused() {
    return reused;
  }

  Duration setup() {
    return setup;
  }

  /** An interpreter found, or why none was. */
  record Interpreter(Optional<String> command, String problem) {}

  /** Finds an interpreter of 3.10 or later with venv, trying the property, then python3, then python. */
  static Interpreter findInterpreter() throws InterruptedException {
    List<String> candidates = new ArrayList<>();
    String configured = System.getProperty(PYTHON_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      candidates.add(configured);
    } else {
      candidates.add("python3");
      candidates.add("python");
    }
    List<String> problems = new ArrayList<>();
    for (String candidate : candidates) {
      try {
        Result probe = run(List.of(candidate, "-c",
            "import sys, venv, ensurepip; print('%d.%d' % sys.version_info[:2]); sys.exit(0 if sys.version_info >= (3, 10) else 3)"),
            null, PROBE_TIMEOUT);
        if (probe.exitCode() == 0) {
          return new Interpreter(Optional.of(candidate), "");
        }
        problems.add(candidate + (probe.exitCode() == 3 ? " is Python " + probe.output().strip() + ", older than 3.10"
            : " has no venv/ensurepip module (exit " + probe.exitCode() + ")"));
      } catch (IOException e) {
        problems.add(candidate + " not found");
      }
    }
    return new Interpreter(Optional.empty(), "no Python 3.10+ with venv: " + String.join("; ", problems)
        + " (set -D" + PYTHON_PROPERTY + "=/path/to/python3)");
  }

  /** Builds the environment, or reuses it when its stamp matches; fails with pip's words when it cannot. */
  static ReferenceEnvironment prepare(String interpreter) throws IOException, InterruptedException {
    long start = System.nanoTime();
    Path requirements = SOURCES.resolve("requirements.txt");
    String version = run(List.of(interpreter, "-c", "import sys; print(sys.version)"), null, PROBE_TIMEOUT).output().strip();
    String stamp = sha256(Files.readString(requirements) + "\n" + interpreter + "\n" + version);
    Path stampFile = VENV.resolve(".requirements-stamp");
    Path venvPython = venvPython();
    if (Files.isRegularFile(stampFile) && Files.readString(stampFile).equals(stamp) && Files.isExecutable(venvPython)) {
      return new ReferenceEnvironment(venvPython, true, Duration.ofNanos(System.nanoTime() - start));
    }
    deleteRecursively(VENV);
    Files.createDirectories(VENV.getParent());
    Path log = VENV.resolveSibling("reference-venv.log");
    Result created = run(List.of(interpreter, "-m", "venv", VENV.toString()), null, PROBE_TIMEOUT.multipliedBy(6));
    Files.writeString(log, created.output());
    if (created.exitCode() != 0) {
      throw new IllegalStateException("cannot create the reference apps' virtual environment with " + interpreter
          + " -m venv (exit " + created.exitCode() + "):\n" + tail(created.output()));
    }
    Result installed = run(List.of(venvPython.toString(), "-m", "pip", "install", "--require-hashes", "--no-input",
        "--disable-pip-version-check", "--progress-bar", "off", "-r", requirements.toString()), null, INSTALL_TIMEOUT);
    Files.writeString(log, installed.output(), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    if (installed.exitCode() != 0) {
      throw new IllegalStateException("pip could not install the reference apps' packages from PyPI (exit "
          + installed.exitCode() + "; no network, or PyPI unreachable?). Full log: " + log.toAbsolutePath()
          + "\n" + tail(installed.output()));
    }
    Files.writeString(stampFile, stamp);
    return new ReferenceEnvironment(venvPython, false, Duration.ofNanos(System.nanoTime() - start));
  }

  private static Path venvPython() {
    boolean windows = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    return windows ? VENV.resolve("Scripts").resolve("python.exe") : VENV.resolve("bin").resolve("python");
  }

  record Result(int exitCode, String output) {}

  /** Runs a command with its output in a file (never a full pipe), killed after {@code timeout}. */
  static Result run(List<String> command, Path directory, Duration timeout) throws IOException, InterruptedException {
    Path output = Files.createTempFile("reference-", ".log");
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
      if (directory != null) {
        builder.directory(directory.toFile());
      }
      ReferenceApp.cleanEnvironment(builder);
      Process process = builder.start();
      process.getOutputStream().close();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        return new Result(-1, Files.readString(output) + "\n(killed after " + timeout.toSeconds() + " s)");
      }
      return new Result(process.exitValue(), Files.readString(output));
    } finally {
      Files.deleteIfExists(output);
    }
  }

  private static String tail(String output) {
    String[] lines = output.split("\n");
    return String.join("\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 15), lines.length));
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
