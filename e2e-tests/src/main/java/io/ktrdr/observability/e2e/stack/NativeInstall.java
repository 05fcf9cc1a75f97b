package io.ktrdr.observability.e2e.stack;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs {@code native-stack/install.sh}, which builds any missing server from its Go module (and is a
 * no-op when all are cached), and returns each server's home directory. The script's progress is
 * passed through to standard error as it comes.
 */
final class NativeInstall {
  static final String SCRIPT = "native-stack/install.sh";
  private static final long PROGRESS_DRAIN_MILLIS = 5_000;

  private final Path script;

  private NativeInstall(Path script) {
    this.script = script;
  }

  /** Finds the install script in {@code start} or the nearest directory above it. */
  static NativeInstall findFrom(Path start) {
    for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(SCRIPT);
      if (Files.isRegularFile(candidate)) {
        return new NativeInstall(candidate);
      }
    }
    throw new IllegalStateException("no " + SCRIPT + " in " + start.toAbsolutePath() + " or above");
  }

  /** The directory holding {@code native-stack/}: the project root. */
  Path projectDirectory() {
    return script.getParent().getParent();
  }

  Map<Component, Path> install(Set<Component> components) {
    requireNonNull(components, "components");
    List<String> command = new ArrayList<>(List.of("bash", script.toString(), "--print-homes"));
    components.forEach(component -> command.add(component.installName()));
    Process process;
    try {
      process = new ProcessBuilder(command).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
    }
    List<String> errors = Collections.synchronizedList(new ArrayList<>());
    Thread progress = passThrough(process, command, errors);
    Map<Component, Path> homes = new EnumMap<>(Component.class);
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        int equals = line.indexOf('=');
        if (equals > 0) {
          String name = line.substring(0, equals).toUpperCase(Locale.ROOT);
          homes.put(Component.valueOf(name), Path.of(line.substring(equals + 1)));
        }
      }
      int status = process.waitFor();
      progress.join(PROGRESS_DRAIN_MILLIS);
      if (status != 0) {
        throw new IllegalStateException(
            String.join(" ", command) + " failed with status " + status + ":\n" + String.join("\n", errors));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the output of " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      process.destroy();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while installing " + components, e);
    }
    if (!homes.keySet().containsAll(components)) {
      throw new IllegalStateException(script + " named no home for " + components + "; it named " + homes);
    }
    return homes;
  }

  /**
   * Copies the script's progress (its standard error) to ours, line by line, as it comes, and keeps
   * its error lines (those from "error:" on) for the exception.
   */
  private static Thread passThrough(Process process, List<String> command, List<String> errors) {
    Thread copier =
        new Thread(
            () -> {
              try (BufferedReader err =
                  new BufferedReader(
                      new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                boolean inError = false;
                for (String line = err.readLine(); line != null; line = err.readLine()) {
                  System.err.println(line);
                  inError = inError || line.contains("error:");
                  if (inError) {
                    errors.add(line);
                  }
                }
              } catch (IOException | UncheckedIOException e) {
                System.err.println("lost the output of " + String.join(" ", command) + ": " + e);
              }
            },
            "native-install-progress");
    copier.setDaemon(true);
    copier.start();
    return copier;
  }
}
