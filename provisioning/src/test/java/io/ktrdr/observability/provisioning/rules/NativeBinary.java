package io.ktrdr.observability.provisioning.rules;

import io.ktrdr.observability.provisioning.ProjectFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A program the native stack's install step builds ({@code native-stack/install.sh COMPONENT}, at
 * the version the compose file pins): promtool, amtool, Jaeger for {@code jaeger validate}. Never
 * skipped: without it the tests fail and say what to run.
 */
public final class NativeBinary {
  /** A cold build of Jaeger, the longest, takes about seven minutes on two cores. */
  private static final long INSTALL_TIMEOUT_MINUTES = 20;
  private static final long RUN_TIMEOUT_SECONDS = 120;

  private final Path executable;

  private NativeBinary(Path executable) {
    this.executable = executable;
  }

  /** Prometheus' promtool, for {@code check config} and {@code test rules}. */
  public static NativeBinary promtool() {
    return installed("prometheus", "promtool");
  }

  /** Alertmanager's amtool, for {@code check-config} and routing tests. */
  public static NativeBinary amtool() {
    return installed("alertmanager", "amtool");
  }

  /** Finds {@code bin/<binary>} of {@code component}, building it first if the native stack's cache lacks it. */
  public static NativeBinary installed(String component, String binary) {
    Path root = ProjectFiles.root();
    Result install = run(root, INSTALL_TIMEOUT_MINUTES * 60,
        List.of(root.resolve("native-stack/install.sh").toString(), "--print-homes", component));
    String home = install.stdout.lines()
        .filter(line -> line.startsWith(component + "="))
        .map(line -> line.substring(component.length() + 1))
        .findFirst()
        .orElse(null);
    if (install.exitCode != 0 || home == null) {
      throw new AssertionError(binary + " is needed to check the generated configuration, and"
          + " native-stack/install.sh could not provide it (exit " + install.exitCode + "). Run"
          + " `native-stack/install.sh " + component + "` (needs Go on PATH) and see its messages:\n" + install.stderr);
    }
    Path executable = Path.of(home, "bin", binary);
    if (!Files.isExecutable(executable)) {
      throw new AssertionError("no " + binary + " at " + executable + "; rebuild it: native-stack/install.sh " + component);
    }
    return new NativeBinary(executable);
  }

  /** Runs the program with {@code arguments} in {@code workingDir}. */
  public Result run(Path workingDir, String... arguments) {
    List<String> command = new ArrayList<>(List.of(executable.toString()));
    command.addAll(List.of(arguments));
    return run(workingDir, RUN_TIMEOUT_SECONDS, command);
  }

  private static Result run(Path workingDir, long timeoutSeconds, List<String> command) {
    try {
      Path stdout = Files.createTempFile("native-", ".out");
      Path stderr = Files.createTempFile("native-", ".err");
      try {
        Process process = new ProcessBuilder(command).directory(workingDir.toFile())
            .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
          throw new AssertionError(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
        }
        return new Result(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
            Files.readString(stderr, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(stdout);
        Files.deleteIfExists(stderr);
      }
    } catch (IOException e) {
      throw new AssertionError("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted running " + String.join(" ", command), e);
    }
  }

  /** How a run ended, with everything it printed. */
  public record Result(int exitCode, String stdout, String stderr) {
    public String output() {
      return stdout + stderr;
    }
  }
}
