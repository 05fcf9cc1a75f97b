package io.ktrdr.observability.e2e.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The servers' homes as {@code native-stack/install.sh --print-homes} names them, for servers the
 * stack's {@link Component}s do not cover (Alertmanager): built on first use, cached after.
 */
final class NativeHomes {
  private static final long INSTALL_TIMEOUT_MINUTES = 30;

  private NativeHomes() {}

  /** Installs what is missing of {@code components} (install.sh's names) and returns each home. */
  static Map<String, Path> install(String... components) {
    Path root = Projects.root();
    List<String> command = new ArrayList<>(List.of("bash", root.resolve("native-stack/install.sh").toString(),
        "--print-homes"));
    command.addAll(List.of(components));
    try {
      Path out = Files.createTempFile("install-homes-", ".txt");
      try {
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (!process.waitFor(INSTALL_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
          process.destroyForcibly();
          throw new IllegalStateException(String.join(" ", command) + " did not finish within "
              + INSTALL_TIMEOUT_MINUTES + " minutes");
        }
        if (process.exitValue() != 0) {
          throw new IllegalStateException(String.join(" ", command) + " failed with status " + process.exitValue()
              + " (its messages are above)");
        }
        Map<String, Path> homes = new LinkedHashMap<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
          int equals = line.indexOf('=');
          if (equals > 0) {
            homes.put(line.substring(0, equals), Path.of(line.substring(equals + 1)));
          }
        }
        for (String component : components) {
          if (!homes.containsKey(component)) {
            throw new IllegalStateException(String.join(" ", command) + " named no home for " + component);
          }
        }
        return homes;
      } finally {
        Files.deleteIfExists(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted installing " + List.of(components), e);
    }
  }
}
