package io.ktrdr.observability.provisioning.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.ktrdr.observability.provisioning.ProjectFiles;
import io.ktrdr.observability.provisioning.Provisioning;
import io.ktrdr.observability.provisioning.environment.Environment;
import io.ktrdr.observability.provisioning.environment.EnvironmentFile;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The shell checks the bundle ships, run with sh as the compose file and the operator run them:
 * the admin password check refuses what would leave Grafana's admin on the default password,
 * read as an unprivileged user (Grafana's uid in the container; nobody here); the post-start
 * check fails when a Grafana accepts admin/admin.
 */
@Execution(ExecutionMode.CONCURRENT)
class GrafanaScriptsTest {
  private static final int NOBODY = 65534;

  @TempDir Path dir;
  private Path passwordCheck;
  private Path loginCheck;

  @BeforeEach
  void writeScripts() throws IOException {
    Environment preprod = EnvironmentFile.load(ProjectFiles.environment("preprod"));
    var files = Provisioning.renderMonitoring(preprod, dir.resolve("monitoring"));
    passwordCheck = dir.resolve("check-admin-password.sh");
    loginCheck = dir.resolve("check-default-login.sh");
    Files.writeString(passwordCheck, files.text(Provisioning.ADMIN_PASSWORD_CHECK));
    Files.writeString(loginCheck, files.text(Provisioning.DEFAULT_LOGIN_CHECK));
    // The unprivileged user must reach the files, as Grafana reaches its bind-mounted secret.
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(passwordCheck, PosixFilePermissions.fromString("rw-r--r--"));
  }

  private record Run(int status, String output) {}

  private Run run(List<String> command, Map<String, String> environment) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.startsWith("GF_"));
    builder.environment().putAll(environment);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("finished").isTrue();
    return new Run(process.exitValue(), output);
  }

  /** The password check as an unprivileged user (root reads every file). */
  private Run checkAsNobody(Path secret) throws Exception {
    return run(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "sh",
        passwordCheck.toString()), Map.of("GF_SECURITY_ADMIN_PASSWORD__FILE", secret.toString()));
  }

  private Path secret(String content, String mode) throws IOException {
    Path file = dir.resolve("grafana_admin_password");
    Files.writeString(file, content);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
    return file;
  }

  @Test
  void aReadableNonDefaultSecretPasses() throws Exception {
    Run run = checkAsNobody(secret("Zx4-long-random-password\n", "rw-r--r--"));

    assertThat(run.status()).as(run.output()).isZero();
    assertThat(run.output()).contains("grafana admin password: set");
  }

  @Test
  void aMissingSecretIsRefused() throws Exception {
    Run run = checkAsNobody(dir.resolve("absent"));

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.output()).contains("no secret file at " + dir.resolve("absent"));
  }

  @Test
  void aSecretOnlyItsOwnerCanReadIsRefused() throws Exception {
    // What `umask 077` made: a 0600 file of the operator's, which Grafana's uid cannot read.
    Run run = checkAsNobody(secret("Zx4-long-random-password\n", "rw-------"));

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.output()).contains("is not readable by uid " + NOBODY);
  }

  @Test
  void anEmptySecretIsRefused() throws Exception {
    for (String empty : List.of("", "\n", "  \n")) {
      Run run = checkAsNobody(secret(empty, "rw-r--r--"));

      assertThat(run.status()).as("%s: %s", empty.replace("\n", "\\n"), run.output()).isEqualTo(1);
      assertThat(run.output()).contains("is empty");
    }
  }

  @Test
  void aDefaultPasswordIsRefused() throws Exception {
    for (String password : List.of("admin\n", "Admin", "changeme\n")) {
      Run run = checkAsNobody(secret(password, "rw-r--r--"));

      assertThat(run.status()).as(password).isEqualTo(1);
      assertThat(run.output()).contains("holds a default password");
    }
  }

  @Test
  void aPasswordFromTheEnvironmentIsCheckedToo() throws Exception {
    Run empty = run(List.of("sh", passwordCheck.toString()), Map.of("GF_SECURITY_ADMIN_PASSWORD", ""));
    Run admin = run(List.of("sh", passwordCheck.toString()), Map.of("GF_SECURITY_ADMIN_PASSWORD", "admin"));
    Run good = run(List.of("sh", passwordCheck.toString()), Map.of("GF_SECURITY_ADMIN_PASSWORD", "k8#Qz-unusual"));

    assertThat(List.of(empty.status(), admin.status(), good.status())).containsExactly(1, 1, 0);
  }

  /** A Grafana stand-in for {@code GET /api/user}: 200 for the accepted logins, else 401. */
  private HttpServer grafana(Set<String> acceptedLogins, List<String> triedLogins) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/user", exchange -> {
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      String login = authorization == null ? ""
          : new String(Base64.getDecoder().decode(authorization.substring("Basic ".length())), StandardCharsets.UTF_8);
      triedLogins.add(login);
      int status = acceptedLogins.contains(login) ? 200 : 401;
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    server.start();
    return server;
  }

  private Run loginCheck(HttpServer server) throws Exception {
    return run(List.of("sh", loginCheck.toString(), "http://127.0.0.1:" + server.getAddress().getPort() + "/"), Map.of());
  }

  @Test
  void thePostStartCheckFailsWhenGrafanaAcceptsAdminAdmin() throws Exception {
    List<String> tried = new ArrayList<>();
    HttpServer server = grafana(Set.of("admin:admin"), tried);
    try {
      Run run = loginCheck(server);

      assertThat(run.status()).as(run.output()).isEqualTo(1);
      assertThat(run.output()).contains("accepts the login admin / admin");
      assertThat(tried).containsExactly("admin:admin");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void thePostStartCheckPassesWhenGrafanaRefusesTheDefaultPassword() throws Exception {
    List<String> tried = new ArrayList<>();
    HttpServer server = grafana(Set.of("admin:a-real-password"), tried);
    try {
      Run run = loginCheck(server);

      assertThat(run.status()).as(run.output()).isZero();
      assertThat(tried).containsExactly("admin:admin");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void thePostStartCheckCannotTellWhenNoGrafanaAnswers() throws Exception {
    HttpServer server = grafana(Set.of(), new ArrayList<>());
    int port = server.getAddress().getPort();
    server.stop(0);

    Run run = run(List.of("sh", loginCheck.toString(), "http://127.0.0.1:" + port), Map.of());

    assertThat(run.status()).as(run.output()).isEqualTo(2);
  }
}
