package io.ktrdr.observability.provisioning.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ktrdr.observability.provisioning.ProjectFiles;
import io.ktrdr.observability.provisioning.environment.EnvironmentFile;
import io.ktrdr.observability.provisioning.environment.InvalidEnvironmentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The addresses a pre-prod compose file publishes on: named by the environment, never every interface. */
class PublishedAddressesTest {
  private static final String PUBLISH_ADDRESS = "  publishAddress: 127.0.0.1\n";
  private static final String OTLP_ADDRESS = "  otlpAddress: 10.0.0.10\n";

  private static Path variant(Path dir, String from, String to) throws IOException {
    String yaml = Files.readString(ProjectFiles.environment("preprod"));
    assertThat(yaml).contains(from);
    Path file = dir.resolve("preprod.yaml");
    Files.writeString(file, yaml.replace(from, to));
    return file;
  }

  private static int lineOf(Path file, String prefix) throws IOException {
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        return i + 1;
      }
    }
    throw new AssertionError("no line starting with " + prefix);
  }

  @Test
  void theSamplePreprodEnvironmentPassesWithOtlpOnAnInternalAddress() {
    assertThat(SecureDefaults.problems(EnvironmentFile.load(ProjectFiles.environment("preprod")))).isEmpty();
  }

  @Test
  void grafanaOnEveryInterfaceIsRefused(@TempDir Path dir) throws IOException {
    Path file = variant(dir, PUBLISH_ADDRESS, "  publishAddress: 0.0.0.0\n");
    int line = lineOf(file, "  publishAddress:");

    assertThatThrownBy(() -> PreprodBundle.write(file, dir.resolve("bundle")))
        .isInstanceOfSatisfying(UnsafeEnvironmentException.class, e -> assertThat(e.problems()).containsExactly(
            file + ":" + line + ": compose.publishAddress: expected the address the site's proxy reaches Grafana on"
                + " (127.0.0.1 by default), not every interface"));
    assertThat(dir.resolve("bundle")).doesNotExist();
  }

  @Test
  void otlpOnEveryInterfaceIsRefused(@TempDir Path dir) throws IOException {
    Path file = variant(dir, OTLP_ADDRESS, "  otlpAddress: 0.0.0.0\n");
    int line = lineOf(file, "  otlpAddress:");

    assertThatThrownBy(() -> PreprodBundle.write(file, dir.resolve("bundle")))
        .isInstanceOfSatisfying(UnsafeEnvironmentException.class, e -> assertThat(e.problems()).containsExactly(
            file + ":" + line + ": compose.otlpAddress: expected an internal address of this host, not every"
                + " interface: OTLP has no authentication"));
  }

  @Test
  void anAddressThatIsNotIpv4IsAnErrorWithFileLineAndField(@TempDir Path dir) throws IOException {
    Path file = variant(dir, OTLP_ADDRESS, "  otlpAddress: 10.0.0.300\n");
    int line = lineOf(file, "  otlpAddress:");

    assertThatThrownBy(() -> EnvironmentFile.load(file))
        .isInstanceOfSatisfying(InvalidEnvironmentException.class, e -> assertThat(e.getMessage()).isEqualTo(
            file + ":" + line + ": compose.otlpAddress: expected an IPv4 address such as 127.0.0.1, got \"10.0.0.300\""));
  }
}
