package io.ktrdr.observability.e2e.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import io.ktrdr.observability.e2e.harness.ProjectFiles;
import io.ktrdr.observability.provisioning.bundle.PreprodBundle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The pre-prod bundle's compose file, checked by the parser Docker Compose uses
 * (native-stack/check-compose.sh), with every path it mounts in place as the bundle ships it.
 */
@Execution(ExecutionMode.CONCURRENT)
class PreprodBundleComposeIT {
  @TempDir Path bundle;

  @Test
  void theBundlesComposeFileIsValidAndRunsOnlyTheObservabilityServices() throws Exception {
    Path root = ProjectFiles.root();
    PreprodBundle.write(root.resolve("environments/preprod.yaml"), bundle);
    Path output = bundle.resolveSibling(bundle.getFileName() + "-check.txt");

    Process check = new ProcessBuilder(List.of("bash", root.resolve("native-stack/check-compose.sh").toString(),
            bundle.resolve("docker-compose.yml").toString()))
        .redirectErrorStream(true).redirectOutput(output.toFile()).start();
    // The first run compiles the checker (compose-go) into the Go build cache.
    assertThat(check.waitFor(10, TimeUnit.MINUTES)).as("check-compose.sh finished").isTrue();
    String result = Files.readString(output, StandardCharsets.UTF_8);
    Files.delete(output);

    assertThat(check.exitValue()).as(result).isZero();
    assertThat(result).contains("valid (services: [alertmanager grafana grafana-password-check jaeger prometheus])");
  }
}
