package io.ktrdr.observability.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.ktrdr.observability.provisioning.environment.Environment;
import io.ktrdr.observability.provisioning.environment.EnvironmentFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed monitoring/ and docker-compose.dev.yml are exactly what the code generates. */
class GeneratedTreeTest {
  private static final String REGENERATE = "./mvnw -q -pl provisioning -am -Pgenerate process-classes";

  private final Path root = ProjectFiles.root();
  private final Environment dev = EnvironmentFile.load(ProjectFiles.environment("dev"));

  private static Set<String> filesUnder(Path base, String dir) throws IOException {
    Set<String> files = new TreeSet<>();
    if (!Files.isDirectory(base.resolve(dir))) {
      return files;
    }
    try (Stream<Path> paths = Files.walk(base.resolve(dir))) {
      paths.filter(Files::isRegularFile).forEach(path -> files.add(base.relativize(path).toString().replace('\\', '/')));
    }
    return files;
  }

  @Test
  void committedFilesMatchTheGeneratorByteForByte(@TempDir Path output) throws IOException {
    Provisioning.generate(dev, output);

    Set<String> generated = filesUnder(output, "monitoring");
    generated.add("docker-compose.dev.yml");
    Set<String> committed = filesUnder(root, "monitoring");
    committed.add("docker-compose.dev.yml");
    List<String> differences = new ArrayList<>();
    for (String path : new TreeSet<>(union(generated, committed))) {
      Path mine = output.resolve(path);
      Path theirs = root.resolve(path);
      if (!Files.exists(theirs)) {
        differences.add(path + " is generated but not committed");
      } else if (!Files.exists(mine)) {
        differences.add(path + " is committed but no longer generated");
      } else if (!Arrays.equals(Files.readAllBytes(mine), Files.readAllBytes(theirs))) {
        differences.add(path + " differs from what the code generates");
      }
    }
    if (!differences.isEmpty()) {
      fail(String.join("\n", differences) + "\nRegenerate with: " + REGENERATE);
    }
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new TreeSet<>(a);
    all.addAll(b);
    return all;
  }

  @Test
  void generationIsDeterministic(@TempDir Path first, @TempDir Path second) {
    assertThat(Provisioning.render(dev, first).files()).isEqualTo(Provisioning.render(dev, second).files());
  }

  @Test
  void everyFileEndsWithOneNewlineAndHasNoCarriageReturns() {
    Provisioning.render(dev, root).files().forEach((path, text) -> {
      assertThat(text).as(path).endsWith("\n").doesNotEndWith("\n\n").doesNotContain("\r");
    });
  }
}
