package io.ktrdr.observability.provisioning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ktrdr.observability.provisioning.ProjectFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ProvisioningCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine commandLine = ProvisioningCommand.commandLine();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    return commandLine.execute(args);
  }

  @Test
  void helpNamesTheSubcommands() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("generate", "validate");
  }

  @Test
  void generateHelpDescribesTheOptions() {
    assertThat(run("generate", "--help")).isZero();
    assertThat(out.toString()).contains("--env", "--env-file", "--project-root", "--output");
  }

  @Test
  void generateWritesMonitoringAndTheComposeFile(@TempDir Path output) {
    int exitCode = run("generate", "--project-root", ProjectFiles.root().toString(), "--env", "dev",
        "--output", output.toString());

    assertThat(exitCode).as(err.toString()).isZero();
    assertThat(output.resolve("monitoring/prometheus/prometheus.yml")).isRegularFile();
    assertThat(output.resolve("monitoring/grafana/datasources.yml")).isRegularFile();
    assertThat(output.resolve("monitoring/grafana/dashboards.yml")).isRegularFile();
    assertThat(output.resolve("docker-compose.dev.yml")).isRegularFile();
    assertThat(out.toString()).startsWith("Generated the 'dev' environment from ");
  }

  @Test
  void invalidEnvironmentPrintsEveryProblemAndWritesNothing(@TempDir Path dir) throws IOException {
    Path broken = dir.resolve("broken.yaml");
    Files.writeString(broken, Files.readString(ProjectFiles.environment("dev"))
        .replace("port: 5004", "port: 50x4").replace("retention: 7d", "retention: forever"));
    Path output = dir.resolve("out");

    int exitCode = run("generate", "--env-file", broken.toString(), "--output", output.toString());

    assertThat(exitCode).isEqualTo(1);
    assertThat(err.toString())
        .contains("broken.yaml:23: services[2].port: expected an integer from 1 to 65535, got \"50x4\"")
        .contains("broken.yaml:42: prometheus.retention: expected a positive Prometheus duration such as 15s, "
            + "1m or 7d, got \"forever\"")
        .contains("Nothing was written.");
    assertThat(output).doesNotExist();
  }

  @Test
  void validateAcceptsTheCommittedEnvironments() throws IOException {
    Path environments = ProjectFiles.root().resolve("environments");
    String[] files;
    try (Stream<Path> paths = Files.list(environments)) {
      files = paths.filter(path -> path.toString().endsWith(".yaml")).map(Path::toString).sorted()
          .toArray(String[]::new);
    }
    String[] args = new String[files.length + 1];
    args[0] = "validate";
    System.arraycopy(files, 0, args, 1, files.length);

    assertThat(run(args)).as(err.toString()).isZero();
    assertThat(out.toString()).contains("dev.yaml: ok (environment 'dev', 5 services)")
        .contains("local.yaml: ok (environment 'local', 5 services)");
  }

  @Test
  void generateNeedsAnEnvironment() {
    assertThat(run("generate")).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required argument");
  }

  @Test
  void onlyDevIsGeneratedIntoTheProjectRoot(@TempDir Path projectRoot) throws IOException {
    Files.createDirectories(projectRoot.resolve("environments"));
    Files.copy(ProjectFiles.environment("local"), projectRoot.resolve("environments/local.yaml"));

    int exitCode = run("generate", "--project-root", projectRoot.toString(), "--env", "local");

    assertThat(exitCode).isEqualTo(2);
    assertThat(err.toString())
        .contains("--output: required for environment 'local'; only 'dev' is generated into the project root");
    assertThat(projectRoot.resolve("monitoring")).doesNotExist();
  }

  @Test
  void anotherEnvironmentIsGeneratedWhereOutputSays(@TempDir Path output) {
    int exitCode = run("generate", "--project-root", ProjectFiles.root().toString(), "--env", "local",
        "--output", output.toString());

    assertThat(exitCode).as(err.toString()).isZero();
    assertThat(output.resolve("monitoring/prometheus/prometheus.yml")).content().contains("127.0.0.1:5006");
    assertThat(output.resolve("docker-compose.dev.yml")).doesNotExist();
  }
}
