package io.ktrdr.observability.provisioning.bundle;

import static java.util.Objects.requireNonNull;

import io.ktrdr.observability.provisioning.ContainerImages;
import io.ktrdr.observability.provisioning.GeneratedFiles;
import io.ktrdr.observability.provisioning.Provisioning;
import io.ktrdr.observability.provisioning.environment.AlertingSettings;
import io.ktrdr.observability.provisioning.environment.ComposeSettings;
import io.ktrdr.observability.provisioning.environment.Environment;
import io.ktrdr.observability.provisioning.environment.EnvironmentFile;
import io.ktrdr.observability.provisioning.environment.InvalidEnvironmentException;
import io.ktrdr.observability.provisioning.environment.JaegerSettings;
import io.ktrdr.observability.provisioning.environment.SecretSource;
import io.ktrdr.observability.provisioning.environment.Service;
import io.ktrdr.observability.provisioning.internal.ComposeFile;
import io.ktrdr.observability.provisioning.internal.TreeWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The pre-prod bundle's contents: the monitoring configuration and the compose file generated
 * from a pre-prod environment description (which must pass {@link SecureDefaults}), the
 * description itself, a README for the operator and SHA-256 checksums of every file. The Maven
 * build zips the directory (provisioning/src/assembly/preprod-bundle.xml).
 *
 * <pre>{@code
 * PreprodBundle.write(Path.of("environments/preprod.yaml"), Path.of("provisioning/target/preprod-bundle"));
 * }</pre>
 */
public final class PreprodBundle {
  public static final String README = "README.md";
  /** The environment description the bundle was generated from. */
  public static final String ENVIRONMENT = "environment.yaml";
  /** {@code sha256sum -c SHA256SUMS} checks every other file. */
  public static final String CHECKSUMS = "SHA256SUMS";

  private PreprodBundle() {}

  /** {@code PreprodBundle ENVIRONMENT_FILE OUTPUT_DIR}; exits 1 naming every problem. */
  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: PreprodBundle ENVIRONMENT_FILE OUTPUT_DIR");
      System.exit(2);
    }
    try {
      Path output = Path.of(args[1]);
      write(Path.of(args[0]), output);
      System.out.println("Pre-prod bundle written to " + output);
    } catch (InvalidEnvironmentException | UnsafeEnvironmentException | UncheckedIOException e) {
      System.err.println(e.getMessage());
      System.err.println("No bundle was written.");
      System.exit(1);
    }
  }

  /**
   * Replaces {@code outputDir} with the bundle of the environment in {@code environmentFile}.
   * Nothing is written when the environment is invalid or unsafe.
   */
  public static void write(Path environmentFile, Path outputDir) {
    requireNonNull(environmentFile, "environmentFile");
    requireNonNull(outputDir, "outputDir");
    SortedMap<String, String> files = render(environmentFile, outputDir);
    deleteRecursively(outputDir);
    TreeWriter.replace(outputDir, files, List.of());
  }

  /** The bundle's files in memory, by path relative to the bundle's root. */
  public static SortedMap<String, String> render(Path environmentFile, Path bundleDir) {
    String yaml = read(environmentFile);
    Environment environment = EnvironmentFile.load(environmentFile);
    SecureDefaults.check(environment, environmentFile.toString(), yaml);
    GeneratedFiles generated = Provisioning.render(environment, bundleDir);
    SortedMap<String, String> files = new TreeMap<>(generated.files());
    files.put(ENVIRONMENT, yaml.endsWith("\n") ? yaml : yaml + "\n");
    files.put(README, readme(environment));
    files.put(CHECKSUMS, checksums(files));
    return files;
  }

  /** {@code <sha256>  <path>} per file, sorted by path, as {@code sha256sum} writes and checks them. */
  static String checksums(Map<String, String> files) {
    StringBuilder sums = new StringBuilder();
    for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
      sums.append(sha256(file.getValue().getBytes(StandardCharsets.UTF_8))).append("  ").append(file.getKey())
          .append('\n');
    }
    return sums.toString();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static String readme(Environment environment) {
    ComposeSettings compose = environment.compose().orElseThrow();
    StringBuilder targets = new StringBuilder();
    for (Service service : environment.services()) {
      targets.append("| ").append(service.name()).append(" | ").append(service.type().label())
          .append(service.workerType().map(type -> " (" + type.label() + ")").orElse(""))
          .append(" | `").append(service.target()).append(service.metricsPath()).append("` |\n");
    }
    StringBuilder otlp = new StringBuilder();
    String otlpHost = compose.otlpAddress().orElse("<not published>");
    for (Service service : environment.services()) {
      otlp.append("| ").append(service.name()).append(" | `http://").append(otlpHost).append(':')
          .append(ComposeFile.JAEGER_OTLP_GRPC_PORT).append("` | `http://").append(otlpHost).append(':')
          .append(ComposeFile.JAEGER_OTLP_HTTP_PORT).append("` |\n");
    }
    String template = resource("/bundle/README.md");
    Map<String, String> values = new TreeMap<>(Map.of(
        "environment", environment.name(),
        "composeFile", compose.file(),
        "grafanaUrl", environment.grafana().url().toString(),
        "adminUser", environment.grafana().adminUser(),
        "adminPassword", passwordInstructions(environment.grafana().adminPassword()),
        "targets", targets.toString().stripTrailing(),
        "retention", environment.prometheus().retention().toString(),
        "images", "`" + ContainerImages.GRAFANA + "`, `" + ContainerImages.PROMETHEUS + "`, `"
            + ContainerImages.JAEGER + "`"));
    values.put("publishAddress", compose.publishAddress());
    values.put("otlpEndpoints", otlp.toString().stripTrailing());
    values.put("otlpAddress", compose.otlpAddress()
        .map(address -> "Jaeger receives OTLP on `" + address + "` (`compose.otlpAddress`), ports "
            + ComposeFile.JAEGER_OTLP_GRPC_PORT + " (gRPC) and " + ComposeFile.JAEGER_OTLP_HTTP_PORT
            + " (HTTP), and on no other address of this host.")
        .orElse("No OTLP port is published (`compose.otlpAddress` is not set): only services attached to this"
            + " compose network can send spans, to `jaeger:4317`."));
    values.put("passwordCheckService", ComposeFile.ADMIN_PASSWORD_CHECK_SERVICE);
    values.put("alerting", alertingReadme(environment));
    values.put("traceStorage", environment.jaeger().storage() == JaegerSettings.Storage.BADGER
        ? "Jaeger keeps traces in its embedded Badger database on the volume `" + ComposeFile.JAEGER_DATA_VOLUME
            + "`, each span for " + environment.jaeger().retention() + " (`jaeger.retention`): they survive restarts"
            + " and upgrades (`monitoring/jaeger/config.yaml`)."
        : "Jaeger keeps traces in memory (`jaeger.storage: memory`): they are lost when it restarts.");
    values.put("loginCheck", "monitoring/" + Provisioning.DEFAULT_LOGIN_CHECK);
    String text = template;
    for (Map.Entry<String, String> value : values.entrySet()) {
      text = text.replace("${" + value.getKey() + "}", value.getValue());
    }
    if (text.contains("${")) {
      throw new IllegalStateException("bundle README template has an unknown placeholder: "
          + text.substring(text.indexOf("${"), Math.min(text.length(), text.indexOf("${") + 30)));
    }
    return text;
  }

  /** Who is notified, and the credential files the operator provides. */
  private static String alertingReadme(Environment environment) {
    if (environment.alerting().isEmpty()) {
      return "No Alertmanager is part of this bundle (the description has no `alerting` section):"
          + " routing alerts to people needs one.";
    }
    AlertingSettings alerting = environment.alerting().get();
    StringBuilder text = new StringBuilder();
    text.append("Prometheus sends them to Alertmanager (`").append(ContainerImages.ALERTMANAGER)
        .append("`, `monitoring/alertmanager/alertmanager.yml`), which Grafana lists too (datasource Alertmanager).")
        .append(" Alerts are grouped by name and environment; a new group waits ").append(alerting.groupWait())
        .append(" for related alerts, changes are sent at most every ").append(alerting.groupInterval())
        .append(", and an alert still firing is repeated every ").append(alerting.repeatInterval()).append(".")
        .append(" The cause pages, not its consequences: a down backend silences its HTTP, operation and worker")
        .append(" registry alerts; a dead worker does not also page as operations failing or stuck; with no worker")
        .append(" of a type left, one alert for the type replaces one per worker (the header of")
        .append(" `alertmanager.yml` lists each inhibition).\n\n");
    if (alerting.receivers().isEmpty()) {
      return text.append("No receiver is configured: Alertmanager lists the alerts and notifies nobody.").toString();
    }
    text.append("| receiver | how | gets |\n|---|---|---|\n");
    for (AlertingSettings.Receiver receiver : alerting.receivers()) {
      String how;
      if (receiver instanceof AlertingSettings.WebhookReceiver webhook) {
        how = "webhook to " + webhook.url().map(url -> "`" + url + "`").orElse("the URL in `" + webhook.urlFile().orElseThrow() + "`");
      } else if (receiver instanceof AlertingSettings.EmailReceiver email) {
        how = "e-mail to " + email.to() + " via `" + email.smarthost() + "`";
      } else {
        AlertingSettings.SlackReceiver slack = (AlertingSettings.SlackReceiver) receiver;
        how = "Slack-compatible webhook" + slack.channel().map(channel -> " to `" + channel + "`").orElse("");
      }
      List<String> gets = new java.util.ArrayList<>();
      for (AlertingSettings.Route route : alerting.routes()) {
        if (route.receiver().equals(receiver.name())) {
          gets.add("`" + String.join(", ", route.matchers()) + "`");
        }
      }
      if (alerting.defaultReceiver().orElse("").equals(receiver.name())) {
        gets.add("every other alert");
      }
      text.append("| ").append(receiver.name()).append(" | ").append(how).append(" | ")
          .append(gets.isEmpty() ? "nothing (no route names it)" : String.join("; ", gets)).append(" |\n");
    }
    List<String> secrets = new java.util.ArrayList<>();
    alerting.receivers().forEach(receiver -> receiver.secretFiles().forEach(file -> {
      String name = file.substring(file.lastIndexOf('/') + 1);
      if (!secrets.contains(name)) {
        secrets.add(name);
      }
    }));
    if (!secrets.isEmpty()) {
      text.append("\nEach credential is a file in `secrets/` that Alertmanager reads; none is in this bundle. Create them")
          .append(" before the first start, in the protected directory of Install, step 2; Alertmanager runs as")
          .append(" uid 65534 (nobody), so each must be readable by that uid (`umask 022`, or `chown 65534` and mode 0400):")
          .append(" ").append(secrets.stream().map(name -> "`secrets/" + name + "`").collect(java.util.stream.Collectors.joining(", ")))
          .append(". A changed credential takes effect on")
          .append(" `docker compose -f ").append(environment.compose().orElseThrow().file()).append(" restart alertmanager`.");
    }
    return text.toString().stripTrailing();
  }

  private static String passwordInstructions(SecretSource password) {
    if (password instanceof SecretSource.SecretFile file && file.path().startsWith("/run/secrets/")) {
      String name = file.path().substring("/run/secrets/".length());
      // Compose bind-mounts a file secret with its host owner and mode, and Grafana runs as uid 472:
      // a file only its owner can read leaves Grafana an empty password, and the admin user the
      // default one. The directory keeps other users of this host out; the file is readable inside.
      return "Grafana reads its password from the Docker secret `" + name + "`, the file `secrets/" + name
          + "` beside the compose file. Compose mounts it with its owner and mode as they are on this host,"
          + " and Grafana runs as uid 472, which must be able to read it: protect the directory, not the file.\n\n"
          + "   ```sh\n"
          + "   install -d -m 0700 secrets          # only you (and root) can enter it\n"
          + "   (umask 022; openssl rand -base64 24 | tr -d '\\n' > secrets/" + name + ")   # mode 0644: uid 472 can read it\n"
          + "   ```\n\n"
          + "   As root you may instead give the file to Grafana's uid alone: `chown 472 secrets/" + name
          + " && chmod 0400 secrets/" + name + "`. Keep the password in your password manager too.\n"
          + "   The stack refuses to start (service `" + ComposeFile.ADMIN_PASSWORD_CHECK_SERVICE + "` exits 1, naming"
          + " the reason) while the file is missing, unreadable by uid 472, empty, or holds a default password"
          + " such as `admin`.";
    }
    if (password instanceof SecretSource.SecretFile file) {
      return "Grafana reads its password from the file `" + file.path() + "` inside its container: mount that file"
          + " into the `grafana` and `" + ComposeFile.ADMIN_PASSWORD_CHECK_SERVICE + "` services before the first"
          + " start, readable by uid 472 (Grafana's user).";
    }
    if (password instanceof SecretSource.EnvironmentVariable variable) {
      return "Grafana takes its password from the variable `" + variable.name() + "`, which must be set (and not"
          + " empty) where `docker compose` runs; compose refuses to start without it, and the service `"
          + ComposeFile.ADMIN_PASSWORD_CHECK_SERVICE + "` refuses a default password such as `admin`.";
    }
    throw new IllegalStateException("adminPassword: a literal password passed the secure defaults check");
  }

  private static String resource(String name) {
    try (InputStream in = PreprodBundle.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read environment file " + file + ": " + e.getMessage(), e);
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot replace " + dir + ": " + e.getMessage(), e);
    }
  }
}
