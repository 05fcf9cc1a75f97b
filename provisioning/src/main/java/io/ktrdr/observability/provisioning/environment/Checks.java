package io.ktrdr.observability.provisioning.environment;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Value rules shared by the builders (for API callers) and the YAML loader (which adds file and
 * line). Each check returns the problem text, or empty when the value is fine.
 */
final class Checks {
  static final int MIN_PORT = 1;
  static final int MAX_PORT = 65535;

  private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?");
  private static final Pattern METRICS_PATH = Pattern.compile("/[A-Za-z0-9._~/-]*");
  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern ENV_VAR = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private Checks() {}

  static Optional<String> port(long port) {
    return port >= MIN_PORT && port <= MAX_PORT
        ? Optional.empty()
        : Optional.of("expected an integer from 1 to 65535, got " + port);
  }

  static Optional<String> name(String name) {
    return NAME.matcher(name).matches()
        ? Optional.empty()
        : Optional.of("expected lowercase letters, digits and dashes, got " + quote(name));
  }

  static Optional<String> host(String host) {
    return HOST.matcher(host).matches()
        ? Optional.empty()
        : Optional.of("expected a host name or IPv4 address, got " + quote(host));
  }

  /** A dotted-quad IPv4 address, as compose's {@code ports:} take a host address. */
  static Optional<String> ipv4Address(String address) {
    String[] parts = address.split("\\.", -1);
    boolean ok = parts.length == 4;
    for (int i = 0; ok && i < parts.length; i++) {
      ok = parts[i].matches("0|[1-9][0-9]{0,2}") && Integer.parseInt(parts[i]) <= 255;
    }
    return ok ? Optional.empty() : Optional.of("expected an IPv4 address such as 127.0.0.1, got " + quote(address));
  }

  static Optional<String> metricsPath(String path) {
    return METRICS_PATH.matcher(path).matches()
        ? Optional.empty()
        : Optional.of("expected an absolute URL path such as /metrics, got " + quote(path));
  }

  static Optional<String> fileName(String fileName) {
    return FILE_NAME.matcher(fileName).matches()
        ? Optional.empty()
        : Optional.of("expected a file name without directories, got " + quote(fileName));
  }

  static Optional<String> environmentVariable(String name) {
    return ENV_VAR.matcher(name).matches()
        ? Optional.empty()
        : Optional.of("expected an environment variable name, got " + quote(name));
  }

  static Optional<String> absolutePath(String path) {
    return path.startsWith("/") && path.length() > 1 && !path.contains("..")
        ? Optional.empty()
        : Optional.of("expected an absolute file path such as /run/secrets/NAME, got " + quote(path));
  }

  static Optional<String> notBlank(String value) {
    return value.isBlank() ? Optional.of("expected a non-empty string, got \"\"") : Optional.empty();
  }

  /** An http or https URL with a host and nothing after the path. */
  static Optional<String> url(String text) {
    String problem = "expected an http or https URL with a host, got " + quote(text);
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      boolean ok = (scheme.equals("http") || scheme.equals("https"))
          && uri.getHost() != null
          && uri.getRawUserInfo() == null
          && uri.getRawQuery() == null
          && uri.getRawFragment() == null
          && (uri.getPort() == -1 || port(uri.getPort()).isEmpty());
      return ok ? Optional.empty() : Optional.of(problem);
    } catch (URISyntaxException e) {
      return Optional.of(problem);
    }
  }

  static String quote(String value) {
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  /** Throws the problem, prefixed with the field name, as builders do. */
  static void require(String field, Optional<String> problem) {
    if (problem.isPresent()) {
      throw new IllegalArgumentException(field + ": " + problem.get());
    }
  }

  /**
   * An endpoint's URL and optional basic auth, as remote write and external trace storage take
   * them: a valid URL, and a username and an absolute password file given together or not at all.
   */
  static void requireUrlWithBasicAuth(URI url, Optional<String> username, Optional<String> passwordFile) {
    requireNonNull(url, "url");
    requireNonNull(username, "username");
    requireNonNull(passwordFile, "passwordFile");
    require("url", url(url.toString()));
    username.ifPresent(user -> require("username", notBlank(user)));
    passwordFile.ifPresent(file -> require("passwordFile", absolutePath(file)));
    if (username.isPresent() != passwordFile.isPresent()) {
      throw new IllegalArgumentException((username.isPresent() ? "passwordFile" : "username")
          + ": missing; basic auth needs both username and passwordFile");
    }
  }
}
