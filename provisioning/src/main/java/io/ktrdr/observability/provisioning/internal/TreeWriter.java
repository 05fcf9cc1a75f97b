package io.ktrdr.observability.provisioning.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ktrdr.observability.provisioning.GenerationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Puts generated files in place without ever leaving a half-written tree: everything is written
 * to a staging directory inside the target first and checked there (YAML and JSON parse back,
 * LF line ends, final newline); only then is each file renamed over its old version, and files the
 * generator no longer produces are removed from the directories it owns.
 */
public final class TreeWriter {
  private static final String STAGING_PREFIX = ".provisioning-staging-";

  private TreeWriter() {}

  /**
   * Replaces {@code files} (relative paths) under {@code root}; in each of {@code ownedDirs}
   * (relative), {@code .json} and {@code .yml} files that were not generated are deleted.
   */
  public static void replace(Path root, Map<String, String> files, List<String> ownedDirs) {
    try {
      Files.createDirectories(root);
      Path staging = Files.createTempDirectory(root, STAGING_PREFIX);
      try {
        for (Map.Entry<String, String> file : files.entrySet()) {
          Path staged = staging.resolve(file.getKey());
          Files.createDirectories(staged.getParent());
          Files.write(staged, file.getValue().getBytes(StandardCharsets.UTF_8));
        }
        for (String path : files.keySet()) {
          check(path, Files.readString(staging.resolve(path), StandardCharsets.UTF_8));
        }
        for (String path : files.keySet()) {
          moveIntoPlace(staging.resolve(path), root.resolve(path));
        }
        for (String dir : ownedDirs) {
          removeStale(root, dir, files);
        }
      } finally {
        deleteRecursively(staging);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write generated files under " + root + ": " + e.getMessage(), e);
    }
  }

  /** Refuses a file that does not parse back or is not in the project's text format. */
  static void check(String path, String text) {
    if (!text.endsWith("\n") || text.contains("\r")) {
      throw new GenerationException(path + ": expected LF line ends and a final newline");
    }
    try {
      if (path.endsWith(".json")) {
        new ObjectMapper().readTree(text);
      } else if (path.endsWith(".yml") || path.endsWith(".yaml")) {
        new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
      }
    } catch (Exception e) {
      throw new GenerationException(path + ": generated file does not parse back: " + e.getMessage(), e);
    }
  }

  private static void moveIntoPlace(Path staged, Path target) throws IOException {
    if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), Files.readAllBytes(staged))) {
      return; // unchanged: keep the old file and its timestamp
    }
    Files.createDirectories(target.getParent());
    try {
      Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void removeStale(Path root, String dir, Map<String, String> files) throws IOException {
    Path owned = root.resolve(dir);
    if (!Files.isDirectory(owned)) {
      return;
    }
    List<Path> stale = new ArrayList<>();
    try (Stream<Path> entries = Files.list(owned)) {
      entries.filter(Files::isRegularFile).forEach(file -> {
        String name = file.getFileName().toString();
        boolean generatedKind = name.endsWith(".json") || name.endsWith(".yml");
        if (generatedKind && !files.containsKey(dir + "/" + name)) {
          stale.add(file);
        }
      });
    }
    for (Path file : stale) {
      Files.delete(file);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
